// Copyright workos-cpp authors. Handwritten.
// JSON decoding of a 100-user list page (~37 KB) into structs: the SDK's path (simdjson DOM via
// core/json.h, see docs/adr/0001-json-decoding.md) beside alternatives measured in the same run:
// simdjson On-Demand into the same structs, parse-only baselines, and two floors (bench_floor.h).
//
// The models are bench-local copies of the spec's `UserlandUser` shape (bench_models.h): the
// generated `workos::User` decodes through the same json::field / read overloads.

#include <benchmark/benchmark.h>

#include <simdjson.h>

#include "bench_floor.h"
#include "bench_models.h"

namespace {

const std::string& page_text() {
  static const std::string text = [] {
    std::string s = bench::user_page_json(100);
    s.reserve(s.size() + simdjson::SIMDJSON_PADDING);  // as the curl transport leaves it
    return s;
  }();
  return text;
}

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(page_text().size()));
  state.counters["page_bytes"] = static_cast<double>(page_text().size());
}

// The SDK's path: thread-local DOM parser, decode_document into Page<User>.
void BM_SdkDomIntoStructs(benchmark::State& state) {
  const std::string& text = page_text();
  for (auto _ : state) {
    workos::Page<bench::User> page;
    auto r = workos::detail::json::decode_document(text, "UserList", page);
    if (!r || page.data.size() != 100) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(page);
  }
  set_bytes(state);
}
BENCHMARK(BM_SdkDomIntoStructs);

// Same, but from a string without spare capacity (the parser copies it into padded storage).
void BM_SdkDomIntoStructsUnpadded(benchmark::State& state) {
  std::string text = page_text();
  text.shrink_to_fit();
  for (auto _ : state) {
    workos::Page<bench::User> page;
    auto r = workos::detail::json::decode_document(std::string_view(text), "UserList", page);
    if (!r) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(page);
  }
  set_bytes(state);
}
BENCHMARK(BM_SdkDomIntoStructsUnpadded);

// Parse only (DOM), no structs: the floor of the DOM approach.
void BM_DomParseOnly(benchmark::State& state) {
  simdjson::dom::parser parser;
  const std::string& text = page_text();
  for (auto _ : state) {
    simdjson::dom::element doc;
    if (parser.parse(text.data(), text.size(), false).get(doc)) state.SkipWithError("parse");
    benchmark::DoNotOptimize(doc);
  }
  set_bytes(state);
}
BENCHMARK(BM_DomParseOnly);

// The floor of the DOM approach: a minimal hand-written decoder into the same structs (no path
// tracking, no warnings, no type errors), see bench_floor.h.
void BM_DomHandDecodeFloor(benchmark::State& state) {
  simdjson::dom::parser parser;
  const std::string& text = page_text();
  for (auto _ : state) {
    workos::Page<bench::User> page;
    if (!bench::hand_decode_users(parser, text, page) || page.data.size() != 100)
      state.SkipWithError("hand decode failed");
    benchmark::DoNotOptimize(page);
  }
  set_bytes(state);
}
BENCHMARK(BM_DomHandDecodeFloor);

// The floor of the data model: no JSON, just copying an already-decoded page (the same 600 or so
// heap-allocated strings, created and destroyed per iteration).
void BM_CopyDecodedPageFloor(benchmark::State& state) {
  workos::Page<bench::User> source;
  if (!workos::detail::json::decode_document(page_text(), "UserList", source))
    state.SkipWithError("decode failed");
  for (auto _ : state) {
    workos::Page<bench::User> page;
    page.data = source.data;
    page.list_metadata = source.list_metadata;
    benchmark::DoNotOptimize(page);
  }
  set_bytes(state);
}
BENCHMARK(BM_CopyDecodedPageFloor);

// simdjson On-Demand into the same structs (hand-written decoder; the generator would have to
// emit this shape instead, with forward-only field access).
template <class T>
bool od_opt_string(simdjson::ondemand::value v, std::optional<T>& out) {
  if (v.is_null()) {
    out.reset();
    return true;
  }
  std::string_view s;
  if (v.get_string().get(s)) return false;
  out.emplace(std::string(s));
  return true;
}

bool od_string(simdjson::ondemand::value v, std::string& out) {
  std::string_view s;
  if (v.get_string().get(s)) return false;
  out.assign(s);
  return true;
}

bool od_user(simdjson::ondemand::object obj, bench::User& u) {
  for (auto field : obj) {
    std::string_view k;
    if (field.unescaped_key().get(k)) return false;
    simdjson::ondemand::value v = field.value();
    bool ok = true;
    if (k == "object")
      ok = od_string(v, u.object);
    else if (k == "id")
      ok = od_string(v, u.id);
    else if (k == "first_name")
      ok = od_opt_string(v, u.first_name);
    else if (k == "last_name")
      ok = od_opt_string(v, u.last_name);
    else if (k == "name")
      ok = od_opt_string(v, u.name);
    else if (k == "profile_picture_url")
      ok = od_opt_string(v, u.profile_picture_url);
    else if (k == "email")
      ok = od_string(v, u.email);
    else if (k == "email_verified")
      ok = !v.get_bool().get(u.email_verified);
    else if (k == "external_id")
      ok = od_opt_string(v, u.external_id);
    else if (k == "metadata") {
      simdjson::ondemand::object m;
      if (v.get_object().get(m)) return false;
      for (auto mf : m) {
        std::string_view mk, mv;
        if (mf.unescaped_key().get(mk) || mf.value().get_string().get(mv)) return false;
        u.metadata[std::string(mk)] = std::string(mv);
      }
    } else if (k == "last_sign_in_at")
      ok = od_opt_string(v, u.last_sign_in_at);
    else if (k == "locale")
      ok = od_opt_string(v, u.locale);
    else if (k == "created_at") {
      std::string_view s;
      ok = !v.get_string().get(s);
      u.created_at = workos::Timestamp(s);
    } else if (k == "updated_at") {
      std::string_view s;
      ok = !v.get_string().get(s);
      u.updated_at = workos::Timestamp(s);
    }
    if (!ok) return false;
  }
  return true;
}

void BM_OnDemandIntoStructs(benchmark::State& state) {
  simdjson::ondemand::parser parser;
  const std::string& text = page_text();
  for (auto _ : state) {
    workos::Page<bench::User> page;
    simdjson::padded_string_view view(text.data(), text.size(), text.capacity());
    simdjson::ondemand::document doc;
    bool ok = !parser.iterate(view).get(doc);
    simdjson::ondemand::object root;
    ok = ok && !doc.get_object().get(root);
    for (auto field : root) {
      if (!ok) break;
      std::string_view k;
      if (field.unescaped_key().get(k)) {
        ok = false;
        break;
      }
      if (k == "data") {
        simdjson::ondemand::array arr;
        if (field.value().get_array().get(arr)) {
          ok = false;
          break;
        }
        for (auto item : arr) {
          simdjson::ondemand::object o;
          page.data.emplace_back();
          if (item.get_object().get(o) || !od_user(o, page.data.back())) {
            ok = false;
            break;
          }
        }
      } else if (k == "list_metadata") {
        simdjson::ondemand::object lm;
        if (field.value().get_object().get(lm)) break;
        for (auto mf : lm) {
          std::string_view mk;
          if (mf.unescaped_key().get(mk)) break;
          if (mk == "after")
            od_opt_string(mf.value(), page.list_metadata.after);
          else if (mk == "before")
            od_opt_string(mf.value(), page.list_metadata.before);
        }
      }
    }
    if (!ok || page.data.size() != 100) state.SkipWithError("on-demand decode failed");
    benchmark::DoNotOptimize(page);
  }
  set_bytes(state);
}
BENCHMARK(BM_OnDemandIntoStructs);

// Encoding the same page back (the internal Writer), for scale.
void write_user(workos::detail::json::Writer& w, const bench::User& u) {
  namespace json = workos::detail::json;
  w.begin_object();
  json::member(w, "object", u.object);
  json::member(w, "id", u.id);
  json::member(w, "first_name", u.first_name);
  json::member(w, "last_name", u.last_name);
  json::member(w, "name", u.name);
  json::member(w, "profile_picture_url", u.profile_picture_url);
  json::member(w, "email", u.email);
  json::member(w, "email_verified", u.email_verified);
  json::member(w, "external_id", u.external_id);
  json::member(w, "metadata", u.metadata);
  json::member(w, "last_sign_in_at", u.last_sign_in_at);
  json::member(w, "locale", u.locale);
  json::member(w, "created_at", u.created_at);
  json::member(w, "updated_at", u.updated_at);
  w.end_object();
}

void BM_WriterEncodePage(benchmark::State& state) {
  workos::Page<bench::User> page;
  if (!workos::detail::json::decode_document(page_text(), "UserList", page))
    state.SkipWithError("decode failed");
  for (auto _ : state) {
    workos::detail::json::Writer w;
    w.begin_object();
    w.key("data");
    w.begin_array();
    for (const auto& u : page.data) write_user(w, u);
    w.end_array();
    w.end_object();
    benchmark::DoNotOptimize(w.str());
  }
  set_bytes(state);
}
BENCHMARK(BM_WriterEncodePage);

}  // namespace

BENCHMARK_MAIN();
