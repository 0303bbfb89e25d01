#include "tfplugin/types/codec.hpp"

#include <vector>

#include "tfplugin/types/decode_error.hpp"
#include "tfplugin/types/dom.hpp"

namespace tfplugin {

namespace {

using nlohmann::json;

/// Builds a document from JSON text like nlohmann's own parser, except that every fractional
/// or oversized number is kept as its original text: a double would round it.
class PreciseJsonBuilder {
public:
    bool null() { return Add(nullptr); }
    bool boolean(bool value) { return Add(value); }
    bool number_integer(json::number_integer_t value) { return Add(value); }
    bool number_unsigned(json::number_unsigned_t value) { return Add(value); }
    bool number_float(json::number_float_t /*rounded*/, const json::string_t& text) { return Add(text); }
    bool string(json::string_t& value) { return Add(std::move(value)); }
    bool binary(json::binary_t& value) { return Add(json::binary(std::move(value))); }

    bool start_object(std::size_t /*size*/) { return Open(json::object()); }
    bool key(json::string_t& key) {
        key_ = std::move(key);
        return true;
    }
    bool end_object() { return Close(); }
    bool start_array(std::size_t /*size*/) { return Open(json::array()); }
    bool end_array() { return Close(); }

    bool parse_error(std::size_t position, const std::string& /*token*/, const nlohmann::detail::exception& error) {
        throw DecodeError({}, "invalid JSON at byte " + std::to_string(position) + ": " + error.what());
    }

    json Take() { return std::move(root_); }

private:
    bool Add(json value) {
        Place(std::move(value));
        return true;
    }

    json* Place(json value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        return &(parent[key_] = std::move(value));
    }

    bool Open(json container) {
        stack_.push_back(Place(std::move(container)));
        return true;
    }

    bool Close() {
        stack_.pop_back();
        return true;
    }

    json root_;
    std::vector<json*> stack_;
    std::string key_;
};

}  // namespace

Value DecodeMsgpack(std::string_view bytes, const Type& type) {
    json dom;
    try {
        dom = json::from_msgpack(bytes.begin(), bytes.end());
    } catch (const json::exception& error) {
        throw DecodeError({}, std::string("invalid msgpack: ") + error.what());
    }
    return detail::FromDom(dom, type, {}, detail::WireFormat::kMsgpack);
}

Value DecodeJson(std::string_view text, const Type& type) {
    PreciseJsonBuilder builder;
    try {
        json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const json::exception& error) {
        throw DecodeError({}, std::string("invalid JSON: ") + error.what());
    }
    return detail::FromDom(builder.Take(), type, {}, detail::WireFormat::kJson);
}

std::string EncodeMsgpack(const Value& value, const Type& type) {
    std::string bytes;
    json::to_msgpack(detail::ToDom(value, type), bytes);
    return bytes;
}

}  // namespace tfplugin
