// Copyright workos-cpp authors. Handwritten.
// The internal JSON layer: decoding into structs (paths, type errors, missing fields), the
// writer (escaping, numbers), documents, Timestamp.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/json.h"

namespace core_json_test {

namespace json = workos::detail::json;

// A test-local model with read()/write() overloads, shaped like generated code.
struct Domain {
  std::string id;
  std::string state;
};
struct Org {
  std::string id;
  std::string name;
  std::vector<Domain> domains;
  workos::Timestamp created_at;
  std::optional<std::string> external_id;
  std::map<std::string, std::string> metadata;
  std::int64_t count = 0;
  bool active = false;
  double score = 0;
  workos::RawJson extra;
};

void read(json::Value v, Domain& d, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  std::uint64_t seen = 0;
  for (auto f : r.fields()) {
    // As the generator does: a present key counts as seen; field() warns about a null.
    if (f.key == "id") {
      seen |= 1;
      json::field(c, "OrganizationDomain", "id", f.value, d.id, true);
    } else if (f.key == "state") {
      seen |= 2;
      json::field(c, "OrganizationDomain", "state", f.value, d.state, true);
    }
  }
  if (!(seen & 1)) c.missing_required("OrganizationDomain", "id");
  if (!(seen & 2)) c.missing_required("OrganizationDomain", "state");
}

void read(json::Value v, Org& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  std::uint64_t seen = 0;
  for (auto f : r.fields()) {
    if (f.key == "id") {
      seen |= 1;
      json::field(c, "Organization", "id", f.value, o.id, true);
    } else if (f.key == "name") {
      seen |= 2;
      json::field(c, "Organization", "name", f.value, o.name, true);
    } else if (f.key == "domains") {
      json::field(c, "Organization", "domains", f.value, o.domains, false);
    } else if (f.key == "created_at") {
      json::field(c, "Organization", "created_at", f.value, o.created_at, false);
    } else if (f.key == "external_id") {
      json::field(c, "Organization", "external_id", f.value, o.external_id, false);
    } else if (f.key == "metadata") {
      json::field(c, "Organization", "metadata", f.value, o.metadata, false);
    } else if (f.key == "count") {
      json::field(c, "Organization", "count", f.value, o.count, false);
    } else if (f.key == "active") {
      json::field(c, "Organization", "active", f.value, o.active, false);
    } else if (f.key == "score") {
      json::field(c, "Organization", "score", f.value, o.score, false);
    } else if (f.key == "extra") {
      json::field(c, "Organization", "extra", f.value, o.extra, false);
    }
  }
  if (!(seen & 1)) c.missing_required("Organization", "id");
  if (!(seen & 2)) c.missing_required("Organization", "name");
}

void write(json::Writer& w, const Domain& d) {
  w.begin_object();
  json::member(w, "id", d.id);
  json::member(w, "state", d.state);
  w.end_object();
}

void write(json::Writer& w, const Org& o) {
  w.begin_object();
  json::member(w, "id", o.id);
  json::member(w, "name", o.name);
  json::member(w, "domains", o.domains);
  json::member(w, "external_id", o.external_id);
  w.end_object();
}

std::vector<std::string> g_warnings;
const std::function<void(const std::string&)> kCollect = [](const std::string& w) {
  g_warnings.push_back(w);
};

TEST(CoreJson, DecodesNestedModel) {
  Org o;
  auto r = json::decode_document(
      R"({"id":"org_1","name":"Acme","domains":[{"id":"d1","state":"verified"}],
          "created_at":"2024-01-02T03:04:05.678Z","external_id":null,"metadata":{"k":"v"},
          "count":42,"active":true,"score":1.5,"extra":{"a":[1,2,{"b":null}]},"unknown":7})",
      "Organization", o);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(o.id, "org_1");
  EXPECT_EQ(o.name, "Acme");
  ASSERT_EQ(o.domains.size(), 1u);
  EXPECT_EQ(o.domains[0].state, "verified");
  EXPECT_EQ(o.created_at.text(), "2024-01-02T03:04:05.678Z");
  EXPECT_FALSE(o.external_id.has_value());
  EXPECT_EQ(o.metadata.at("k"), "v");
  EXPECT_EQ(o.count, 42);
  EXPECT_TRUE(o.active);
  EXPECT_DOUBLE_EQ(o.score, 1.5);
  EXPECT_EQ(o.extra.text(), R"({"a":[1,2,{"b":null}]})");
}

TEST(CoreJson, WrongTypeIsDecodeErrorNamingModelAndField) {
  Org o;
  auto r = json::decode_document(
      R"({"id":"org_1","name":"Acme","domains":[{"id":"d1","state":"ok"},{"id":"d2","state":5}]})",
      "Organization", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_EQ(r.error().message(), "Organization.domains[1].state: expected string, got number");
}

TEST(CoreJson, RootOfWrongTypeNamesModel) {
  Org o;
  auto r = json::decode_document("[1,2]", "Organization", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "Organization: expected object, got array");
}

TEST(CoreJson, IntegerFieldRejectsFraction) {
  Org o;
  auto r = json::decode_document(R"({"id":"a","name":"b","count":1.5})", "Organization", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "Organization.count: expected integer, got number");
  Org o2;
  ASSERT_TRUE(json::decode_document(R"({"id":"a","name":"b","count":3.0})", "Organization", o2));
  EXPECT_EQ(o2.count, 3);
}

TEST(CoreJson, MissingOrNullRequiredFieldWarnsAndKeepsDefault) {
  g_warnings.clear();
  Org o;
  o.name = "kept";
  auto r =
      json::decode_document(R"({"id":null,"domains":[{"id":"d"}]})", "Organization", o, &kCollect);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(o.id, "");
  EXPECT_EQ(o.name, "kept");
  ASSERT_EQ(g_warnings.size(), 3u);
  EXPECT_EQ(g_warnings[0], "Organization.id: required field is null; default kept");
  EXPECT_EQ(g_warnings[1], "Organization.domains[0].state: required field missing; default kept");
  EXPECT_EQ(g_warnings[2], "Organization.name: required field missing; default kept");
}

// Every leaf kind a model field can be: required and optional strings, booleans, integers and
// timestamps.
struct Leaves {
  std::string s;
  bool b = false;
  std::int64_t i = 0;
  workos::Timestamp t;
  std::optional<std::string> os;
  std::optional<bool> ob;
  std::optional<std::int64_t> oi;
  std::optional<workos::Timestamp> ot;
};

void read(json::Value v, Leaves& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    const std::string_view k = f.key;
    if (json::key_is(k, "s")) json::field(c, "Leaves", "s", f.value, o.s, true);
    if (json::key_is(k, "b")) json::field(c, "Leaves", "b", f.value, o.b, true);
    if (json::key_is(k, "i")) json::field(c, "Leaves", "i", f.value, o.i, true);
    if (json::key_is(k, "t")) json::field(c, "Leaves", "t", f.value, o.t, true);
    if (json::key_is(k, "os")) json::field(c, "Leaves", "os", f.value, o.os, false);
    if (json::key_is(k, "ob")) json::field(c, "Leaves", "ob", f.value, o.ob, false);
    if (json::key_is(k, "oi")) json::field(c, "Leaves", "oi", f.value, o.oi, false);
    if (json::key_is(k, "ot")) json::field(c, "Leaves", "ot", f.value, o.ot, false);
  }
}

// The leaf fields decode the expected type in place; `null` resets an optional and is a warning
// on a required field; any other type is a DecodeError naming the model and the field.
TEST(CoreJson, LeafFieldsDecodeInPlaceAndNameTheFieldOnError) {
  Leaves o;
  const std::string long_text(60, 'x');
  ASSERT_TRUE(json::decode_document(
      R"({"s":")" + long_text + R"(","b":true,"i":-7,"t":"2024-01-02T03:04:05Z","os":"short",
          "ob":false,"oi":9007199254740993,"ot":"2025-06-07T08:09:10.123456789+02:00"})",
      "Leaves", o));
  EXPECT_EQ(o.s, long_text);
  EXPECT_TRUE(o.b);
  EXPECT_EQ(o.i, -7);
  EXPECT_EQ(o.t.text(), "2024-01-02T03:04:05Z");
  EXPECT_EQ(o.os, "short");
  EXPECT_EQ(o.ob, false);
  EXPECT_EQ(o.oi, 9007199254740993);
  ASSERT_TRUE(o.ot.has_value());
  EXPECT_EQ(o.ot->text(), "2025-06-07T08:09:10.123456789+02:00");

  // A second decode into the same value replaces long text with short and clears optionals.
  g_warnings.clear();
  ASSERT_TRUE(json::decode_document(
      R"({"s":"a","b":null,"i":4.0,"t":"2024-01-02T03:04:05.000Z","os":null,"ob":null,
          "oi":null,"ot":null})",
      "Leaves", o, &kCollect));
  EXPECT_EQ(o.s, "a");
  EXPECT_TRUE(o.b);  // null on a required field: default kept, warned
  EXPECT_EQ(o.i, 4);
  EXPECT_EQ(o.t.text(), "2024-01-02T03:04:05.000Z");
  EXPECT_FALSE(o.os || o.ob || o.oi || o.ot);
  ASSERT_EQ(g_warnings.size(), 1u);
  EXPECT_EQ(g_warnings[0], "Leaves.b: required field is null; default kept");

  const std::pair<const char*, const char*> wrong[] = {
      {R"({"s":1})", "Leaves.s: expected string, got number"},
      {R"({"b":"yes"})", "Leaves.b: expected boolean, got string"},
      {R"({"i":"1"})", "Leaves.i: expected integer, got string"},
      {R"({"i":1.5})", "Leaves.i: expected integer, got number"},
      {R"({"t":20240102})", "Leaves.t: expected string, got number"},
      {R"({"os":[]})", "Leaves.os: expected string, got array"},
      {R"({"ob":0})", "Leaves.ob: expected boolean, got number"},
      {R"({"oi":true})", "Leaves.oi: expected integer, got boolean"},
      {R"({"ot":{}})", "Leaves.ot: expected string, got object"},
  };
  for (const auto& [text, message] : wrong) {
    Leaves l;
    auto r = json::decode_document(text, "Leaves", l);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().message(), message);
  }
}

TEST(CoreJson, NonJsonBodyIsDecodeError) {
  Org o;
  auto r = json::decode_document("<html>oops</html>", "Organization", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_NE(r.error().message().find("Organization"), std::string::npos);
  EXPECT_FALSE(json::decode_document("", "Organization", o));
  EXPECT_FALSE(json::decode_document(R"({"id":"x")", "Organization", o));
}

TEST(CoreJson, ParsesPaddedStringInPlaceAndUnpaddedByCopy) {
  std::string padded = R"({"id":"p","name":"n"})";
  padded.reserve(padded.size() + 64);
  EXPECT_TRUE(json::JsonText(padded).padded);
  std::string tight = "{\"id\":\"t\",\"name\":\"n\",\"domains\":[]}";
  tight.shrink_to_fit();
  Org a, b;
  ASSERT_TRUE(json::decode_document(padded, "Organization", a));
  ASSERT_TRUE(json::decode_document(std::string_view(tight), "Organization", b));
  EXPECT_EQ(a.id, "p");
  EXPECT_EQ(b.id, "t");
}

TEST(CoreJson, MapPathQuotesKeys) {
  Org o;
  auto r =
      json::decode_document(R"({"id":"a","name":"b","metadata":{"x.y":1}})", "Organization", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), R"(Organization.metadata["x.y"]: expected string, got number)");
}

TEST(CoreJsonWriter, EscapesStringsPerRfc8259) {
  json::Writer w;
  w.string("q\"b\\s/\b\f\n\r\t\x01\x1f é ✓");
  EXPECT_EQ(w.str(), "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f é ✓\"");
}

TEST(CoreJsonWriter, NumbersShortestRoundTrip) {
  json::Writer w;
  w.begin_array();
  w.number(0.1);
  w.number(1e21);
  w.number(-2.5);
  w.number(3.0);
  w.number(std::numeric_limits<double>::quiet_NaN());
  w.integer(std::numeric_limits<std::int64_t>::min());
  w.boolean(false);
  w.null();
  w.end_array();
  EXPECT_EQ(w.str(), "[0.1,1e+21,-2.5,3,null,-9223372036854775808,false,null]");
  const double tricky = 0.30000000000000004;
  json::Writer w2;
  w2.number(tricky);
  EXPECT_EQ(std::stod(w2.str()), tricky);
}

TEST(CoreJsonWriter, ObjectsArraysAndOptionalMembers) {
  Org o;
  o.id = "org_1";
  o.name = "A \"quoted\" name";
  o.domains = {{"d1", "verified"}, {"d2", "pending"}};
  EXPECT_EQ(json::encode_document(o),
            R"({"id":"org_1","name":"A \"quoted\" name","domains":[{"id":"d1","state":"verified"},)"
            R"({"id":"d2","state":"pending"}]})");
  o.external_id = "ext";
  EXPECT_NE(json::encode_document(o).find(R"("external_id":"ext")"), std::string::npos);
}

TEST(CoreJsonWriter, SettableMembers) {
  json::Writer w;
  w.begin_object();
  workos::Settable<std::string> unset, cleared = workos::null, value = std::string("v");
  json::member(w, "a", unset);
  json::member(w, "b", cleared);
  json::member(w, "c", value);
  json::member(w, "d", workos::RawJson(R"({"x":1})"));
  json::member(w, "e", workos::RawJson());
  w.end_object();
  EXPECT_EQ(w.str(), R"({"b":null,"c":"v","d":{"x":1},"e":null})");
}

TEST(CoreJsonWriter, RoundTripsThroughDecoder) {
  Org o;
  o.id = "org_\u00e9\n";
  o.name = std::string("nul\0byte", 8);
  o.domains = {{"d", "s"}};
  Org back;
  ASSERT_TRUE(json::decode_document(json::encode_document(o), "Organization", back));
  EXPECT_EQ(back.id, o.id);
  EXPECT_EQ(back.name, o.name);
  EXPECT_EQ(back.domains[0].id, "d");
}

TEST(CoreTimestamp, FormatsAndParsesRfc3339) {
  using namespace std::chrono;
  const system_clock::time_point tp{milliseconds(1704164645678)};  // 2024-01-02T03:04:05.678Z
  const auto ts = workos::Timestamp::from_time_point(tp);
  EXPECT_EQ(ts.text(), "2024-01-02T03:04:05.678Z");
  ASSERT_TRUE(ts.time_point().has_value());
  EXPECT_EQ(*ts.time_point(), tp);

  auto parse = [](const char* s) { return workos::Timestamp(s).time_point(); };
  EXPECT_EQ(parse("2024-01-02T05:04:05.678+02:00"), tp);
  EXPECT_EQ(parse("2024-01-01T22:34:05.678-04:30"), tp);
  EXPECT_EQ(parse("2024-01-02t03:04:05.678z"), tp);
  EXPECT_EQ(parse("2024-01-02T03:04:05Z"), system_clock::time_point(seconds(1704164645)));
  EXPECT_EQ(parse("2024-01-02T03:04:05.123456789Z"),
            system_clock::time_point(duration_cast<system_clock::duration>(
                seconds(1704164645) + nanoseconds(123456789))));
  EXPECT_EQ(parse("1970-01-01T00:00:00Z"), system_clock::time_point());
  EXPECT_EQ(parse("1969-12-31T23:59:59.000Z"), system_clock::time_point(seconds(-1)));
  EXPECT_EQ(parse("2024-02-29T00:00:00Z").has_value(), true);
  EXPECT_FALSE(parse("2023-02-29T00:00:00Z"));
  EXPECT_FALSE(parse("2024-01-02"));
  EXPECT_FALSE(parse("2024-01-02T03:04:05"));
  EXPECT_FALSE(parse("2024-13-02T03:04:05Z"));
  EXPECT_FALSE(parse("2024-01-02T03:04:05.Z"));
  EXPECT_FALSE(parse("2024-01-02T03:04:05Zjunk"));
  EXPECT_FALSE(parse("not a date at all!!"));
  // Valid date-times the clock cannot hold have no time point (not a wrapped one): "never
  // expires" must not read as "expired in 1815".
  const auto latest = duration_cast<seconds>(system_clock::duration::max());
  const auto earliest = duration_cast<seconds>(system_clock::duration::min());
  if (latest < seconds(253402300799)) {
    EXPECT_FALSE(parse("9999-12-31T23:59:59Z"));
  }
  if (earliest > seconds(-62135596800)) {
    EXPECT_FALSE(parse("0001-01-01T00:00:00Z"));
  }
  EXPECT_EQ(parse("2262-01-01T00:00:00Z"), system_clock::time_point(seconds(9214646400)));
  EXPECT_EQ(parse("1678-01-01T00:00:00Z"), system_clock::time_point(seconds(-9214560000)));
  EXPECT_EQ(workos::Timestamp::from_time_point(system_clock::time_point(milliseconds(-1))).text(),
            "1969-12-31T23:59:59.999Z");
}

// Wire text of any length is kept whole, inline up to the longest date-time the API sends and on
// the heap beyond it, and survives a decode, copies and a re-encode.
TEST(CoreTimestamp, KeepsTextOfAnyLengthWhole) {
  const std::string nanos_and_offset = "2024-01-02T05:04:05.123456789+02:00";
  const std::string longer = "2024-01-02T03:04:05." + std::string(60, '1') + "Z";
  for (const std::string& text :
       {std::string(), std::string("2024-01-02T03:04:05.678Z"), nanos_and_offset,
        std::string(38, '9'), std::string(39, '9'), longer}) {
    const workos::Timestamp ts(text);
    EXPECT_EQ(ts.text(), text);
    EXPECT_EQ(ts.empty(), text.empty());
    workos::Timestamp copy = ts;
    EXPECT_EQ(copy, ts);
    workos::Timestamp moved = std::move(copy);
    EXPECT_EQ(moved.text(), text);
    // Assigning over a value of the other storage (inline or heap) keeps only the new text.
    workos::Timestamp over(longer);
    over = ts;
    EXPECT_EQ(over.text(), text);
    over = workos::Timestamp(nanos_and_offset);
    EXPECT_EQ(over.text(), nanos_and_offset);
    over.assign(text);
    EXPECT_EQ(over, ts);
  }
  EXPECT_NE(workos::Timestamp(std::string(39, '9')), workos::Timestamp(std::string(38, '9')));
  EXPECT_TRUE(workos::Timestamp(longer).time_point().has_value());

  Org o;
  ASSERT_TRUE(json::decode_document(R"({"id":"o","name":"n","created_at":")" + longer + R"("})",
                                    "Organization", o));
  EXPECT_EQ(o.created_at.text(), longer);
  json::Writer w;
  json::write(w, o.created_at);
  EXPECT_EQ(w.str(), "\"" + longer + "\"");
}

}  // namespace core_json_test
