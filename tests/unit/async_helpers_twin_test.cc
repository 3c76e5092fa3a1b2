// Copyright workos-cpp authors. Handwritten.
// The async helpers that are still written twice cannot drift from the sync ones: for every
// method of the session and verifier types the user-management clients hand out, the async
// class has a method of the same name with
// the same parameter types, returning Future<X> where the sync one returns Result<X> (or the
// documented local / async type). The signature checks are static_asserts (a drift fails the
// build); a scan of the sync headers makes sure every public method is in the checked list.

#include <workos/auth/access_token.h>
#include <workos/auth/async_access_token.h>
#include <workos/auth/async_session.h>
#include <workos/auth/session.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

namespace async_helpers_twin_test {

using namespace workos;

// The member-pointer type of the async twin of a sync member pointer type `SyncPtr`: same
// parameters and qualifiers, class `A`, return type `R`.
template <class R, class A, class SyncPtr>
struct TwinOf;
template <class R, class A, class SR, class S, class... P>
struct TwinOf<R, A, SR (S::*)(P...) const> {
  using type = R (A::*)(P...) const;
};
template <class R, class A, class SR, class S, class... P>
struct TwinOf<R, A, SR (S::*)(P...) const noexcept> {
  using type = R (A::*)(P...) const noexcept;
};
template <class R, class A, class SR, class S, class... P>
struct TwinOf<R, A, SR (S::*)(P...)> {
  using type = R (A::*)(P...);
};
template <class R, class A, class SR, class... P>
struct TwinOf<R, A, SR (*)(P...)> {  // static members
  using type = R (*)(P...);
};

// `Async::name` has the parameters of `Sync::name` and returns `R`.
#define WORKOS_TWIN_AS(Sync, Async, name, R)                                           \
  static_assert(std::is_same_v<typename TwinOf<R, Async, decltype(&Sync::name)>::type, \
                               decltype(&Async::name)>,                                \
                #Async "::" #name " must take the parameters of " #Sync "::" #name)
std::set<std::string> checked_session() {
  using S = auth::SealedSession;
  using A = auth::AsyncSealedSession;
  WORKOS_TWIN_AS(S, A, authenticate, Future<auth::SessionAuthentication>);
  WORKOS_TWIN_AS(S, A, refresh, Future<auth::SessionRefresh>);
  WORKOS_TWIN_AS(S, A, get_logout_url, Future<std::string>);
  WORKOS_TWIN_AS(S, A, data, Result<auth::SessionData>);  // local
  WORKOS_TWIN_AS(S, A, sealed_data, std::string);         // local
  static_assert(
      std::is_same_v<decltype(std::declval<A&>().refresh()), Future<auth::SessionRefresh>>);
  static_assert(
      std::is_same_v<decltype(std::declval<const A&>().get_logout_url()), Future<std::string>>);
  return {"authenticate", "refresh", "get_logout_url", "data", "sealed_data"};
}

std::set<std::string> checked_verifier() {
  using S = auth::AccessTokenVerifier;
  using A = auth::AsyncAccessTokenVerifier;
  WORKOS_TWIN_AS(S, A, verify, Future<auth::AccessTokenClaims>);
  WORKOS_TWIN_AS(S, A, refresh_jwks, Future<void>);
  WORKOS_TWIN_AS(S, A, jwks_url, std::string);
  WORKOS_TWIN_AS(S, A, from_jwks_json, Result<A>);  // local: parses the given key set
  return {"verify", "refresh_jwks", "jwks_url", "from_jwks_json"};
}

// ---- the scan: every public method of the sync class is in the checked list ------------------

std::string source_root() {
  if (const char* dir = std::getenv("WORKOS_SOURCE_DIR")) return dir;
  std::string file = __FILE__;  // <root>/tests/unit/async_helpers_twin_test.cc
  const auto pos = file.rfind("/tests/unit/");
  return pos == std::string::npos ? std::string(".") : file.substr(0, pos);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Names of the methods declared in the public part of class `name` in `header`.
std::set<std::string> public_methods(const std::string& header, const std::string& name) {
  std::string text = read_file(source_root() + "/include/" + header);
  if (text.empty()) return {"<cannot read " + header + ">"};
  text = std::regex_replace(text, std::regex("//[^\n]*"), "");  // comments
  const auto start = text.find("class " + name + " ");
  if (start == std::string::npos) return {"<no class " + name + ">"};
  auto open = text.find('{', start);
  int depth = 0;
  std::size_t end = open;
  for (; end < text.size(); ++end) {
    if (text[end] == '{') ++depth;
    if (text[end] == '}' && --depth == 0) break;
  }
  std::string body = text.substr(open + 1, end - open - 1);
  // Only the public part (up to the first private / protected label).
  const auto cut = std::min(body.find(" private:"), body.find(" protected:"));
  if (cut != std::string::npos) body = body.substr(0, cut);
  // Inline bodies hold calls, not declarations.
  std::string flat;
  depth = 0;
  for (char c : body) {
    if (c == '{') ++depth;
    if (depth == 0) flat += c;
    if (c == '}') --depth;
  }
  std::set<std::string> out;
  std::regex decl(R"(([A-Za-z_]\w*)\s*\()");
  for (auto it = std::sregex_iterator(flat.begin(), flat.end(), decl); it != std::sregex_iterator();
       ++it) {
    const std::string id = (*it)[1];
    if (id == name || id == "operator" || id == "void" || id == "decltype") continue;
    out.insert(id);
  }
  return out;
}

TEST(AsyncHelpersTwin, EveryHelperMethodHasItsAsyncTwin) {
  struct Case {
    const char* header;
    const char* cls;
    std::set<std::string> checked;
  };
  const Case cases[] = {
      {"workos/auth/session.h", "SealedSession", checked_session()},
      {"workos/auth/access_token.h", "AccessTokenVerifier", checked_verifier()},
  };
  for (const Case& c : cases) {
    const std::set<std::string> declared = public_methods(c.header, c.cls);
    EXPECT_FALSE(declared.empty()) << c.cls;
    for (const std::string& m : declared) {
      EXPECT_TRUE(c.checked.count(m))
          << c.cls << "::" << m << " has no async twin check in async_helpers_twin_test.cc";
    }
    for (const std::string& m : c.checked) {
      EXPECT_TRUE(declared.count(m)) << c.cls << "::" << m << " is checked but not declared";
    }
  }
}

}  // namespace async_helpers_twin_test
