// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes the event union: a webhook or events-API event decodes by its `event` tag, an unknown
// tag into the alternative that keeps the raw JSON. The first byte picks the shape: 'L' decodes
// a list page (`Page<Event>`, the answer of list_events, decoded as "EventList" like the
// service does), anything else one `Event`. Both go through json::decode_document; every event
// decoded is checked for a stable encode / decode round trip (model_fuzzing.h).

#include <workos/events/models.h>

#include "events/models_json.h"
#include "model_fuzzing.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view json(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] == 'L') {
    workos::Page<workos::Event> page;
    if (!workos::detail::json::decode_document(json, "EventList", page)) return 0;
    for (const workos::Event& event : page.data) {
      workos::fuzz::decode_and_check<workos::Event>(workos::detail::json::encode_document(event),
                                                    "Event");
    }
  } else {
    workos::fuzz::decode_and_check<workos::Event>(json, "Event");
  }
  return 0;
}
