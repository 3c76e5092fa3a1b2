// Copyright workos-cpp authors. Handwritten.
// DecodeContext keeps its path in a fixed inline array for the usual depths and spills into a
// vector past it (src/core/json.h). These tests decode documents nested well past the inline
// depth and check that error and warning paths are still exact, at the bottom and after the
// decoder has come back up.

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/json.h"

namespace core_json_path_test {

namespace json = workos::detail::json;

// A recursive model: {"name": "...", "children": [ ... ]}.
struct Node {
  std::string name;
  std::vector<Node> children;
};

void read(json::Value v, Node& n, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  bool seen_name = false;
  for (auto f : r.fields()) {
    if (f.key == "name") {
      seen_name = json::field(c, "Node", "name", f.value, n.name, true);
    } else if (f.key == "children") {
      json::field(c, "Node", "children", f.value, n.children, false);
    }
  }
  if (!seen_name) c.missing_required("Node", "name");
}

// `depth` nested single-child levels; the innermost node's name is `leaf` (raw JSON) and, when
// `sibling` is set, the root gets a second child after the deep chain.
std::string nested(int depth, const std::string& leaf, const std::string& sibling = "") {
  std::string out;
  for (int i = 0; i < depth; ++i) out += R"({"name":"n)" + std::to_string(i) + R"(","children":[)";
  out += R"({"name":)" + leaf + "}";
  for (int i = 0; i < depth; ++i) {
    out += "]";
    if (i == depth - 1 && !sibling.empty()) {
      out.pop_back();
      out += "," + sibling + "]";
    }
    out += "}";
  }
  return out;
}

std::string expected_path(int depth) {
  std::string p = "Node";
  for (int i = 0; i < depth; ++i) p += ".children[0]";
  return p;
}

TEST(CoreJsonPath, TypeErrorPastTheInlineDepthNamesTheFullPath) {
  for (int depth : {1, 31, 32, 33, 80}) {
    Node root;
    auto r = json::decode_document(nested(depth, "42"), "Node", root);
    ASSERT_FALSE(r) << "depth " << depth;
    EXPECT_EQ(r.error().message(), expected_path(depth) + ".name: expected string, got number")
        << "depth " << depth;
  }
}

TEST(CoreJsonPath, DeepDocumentDecodesCompletely) {
  Node root;
  ASSERT_TRUE(json::decode_document(nested(70, R"("leaf")"), "Node", root));
  const Node* n = &root;
  int levels = 0;
  while (!n->children.empty()) {
    n = &n->children[0];
    ++levels;
  }
  EXPECT_EQ(levels, 70);
  EXPECT_EQ(n->name, "leaf");
}

TEST(CoreJsonPath, PathIsRightAgainAfterComingBackFromDeepLevels) {
  // The deep chain decodes cleanly; the root's second child (index 1, depth 1) has a bad name.
  Node root;
  auto r = json::decode_document(nested(50, R"("ok")", R"({"name":true})"), "Node", root);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "Node.children[1].name: expected string, got boolean");
}

TEST(CoreJsonPath, WarningsPastTheInlineDepthNameTheFullPath) {
  std::vector<std::string> warnings;
  const std::function<void(const std::string&)> collect = [&](const std::string& w) {
    warnings.push_back(w);
  };
  Node root;
  // The innermost node has no name at all: {"name": <leaf>} with the key renamed.
  std::string doc = nested(40, R"("x")");
  const std::string innermost = R"({"name":"x"})";
  doc.replace(doc.find(innermost), innermost.size(), R"({"nom":"x"})");
  ASSERT_TRUE(json::decode_document(doc, "Node", root, &collect));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], expected_path(40) + ".name: required field missing; default kept");
}

TEST(CoreJsonPath, ExplicitPushAndPopBalanceAtAnyDepth) {
  json::DecodeContext c;
  for (int i = 0; i < 100; ++i) {
    if (i % 2 == 0)
      c.push_field("M", "f");
    else
      c.push_index(static_cast<std::size_t>(i));
  }
  std::string expected = "M.f";
  for (int i = 1; i < 100; ++i) expected += (i % 2 == 0) ? ".f" : "[" + std::to_string(i) + "]";
  EXPECT_EQ(c.path(), expected);
  for (int i = 0; i < 60; ++i) c.pop();
  EXPECT_EQ(c.path(), expected.substr(0, expected.find("[39]") + 4));  // 40 components left
  for (int i = 0; i < 40; ++i) c.pop();
  EXPECT_EQ(c.path(), "");
  c.pop();  // popping an empty path is harmless
  c.push_field("Org", "id");
  EXPECT_EQ(c.path(), "Org.id");
}

}  // namespace core_json_path_test
