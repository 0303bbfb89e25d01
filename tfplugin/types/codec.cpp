#include "tfplugin/types/codec.hpp"

#include "tfplugin/types/dom.hpp"
#include "tfplugin/types/dom_builder.hpp"

namespace tfplugin {

using nlohmann::json;

Value DecodeMsgpack(std::string_view bytes, const Type& type) {
    auto dom = detail::ParseMsgpackDom(bytes);
    return detail::FromDom(dom, type, {}, detail::WireFormat::kMsgpack);
}

Value DecodeJson(std::string_view text, const Type& type) {
    auto dom = detail::ParseJsonDom(text);
    return detail::FromDom(dom, type, {}, detail::WireFormat::kJson);
}

std::string EncodeMsgpack(const Value& value, const Type& type) {
    std::string bytes;
    json::to_msgpack(detail::ToDom(value, type), bytes);
    return bytes;
}

}  // namespace tfplugin
