#include "tfplugin/types/dom_builder.hpp"

#include <string>
#include <vector>

#include "tfplugin/types/decode_error.hpp"

namespace tfplugin::detail {

namespace {

using nlohmann::json;

/// An nlohmann SAX handler that builds a document like nlohmann's own DOM parser, with two
/// differences: it stops (returns false) when containers nest deeper than kMaxNestingDepth, which
/// also stops nlohmann's recursive msgpack reader before it goes deeper; and in JSON it keeps
/// fractional and oversized numbers as their text.
class DomBuilder {
public:
    explicit DomBuilder(bool keep_number_text) : keep_number_text_(keep_number_text) {}

    bool null() { return Add(nullptr); }
    bool boolean(bool value) { return Add(value); }
    bool number_integer(json::number_integer_t value) { return Add(value); }
    bool number_unsigned(json::number_unsigned_t value) { return Add(value); }
    bool number_float(json::number_float_t value, const json::string_t& text) {
        // Binary formats hand over no text; JSON's text is the exact number.
        return keep_number_text_ ? Add(text) : Add(value);
    }
    bool string(json::string_t& value) { return Add(std::move(value)); }
    bool binary(json::binary_t& value) {
        // json::binary(...) would drop the subtype, which is the msgpack extension code.
        return Add(json(std::move(value)));
    }

    bool start_object(std::size_t /*size*/) { return Open(json::object()); }
    bool key(json::string_t& key) {
        key_ = std::move(key);
        return true;
    }
    bool end_object() { return Close(); }
    bool start_array(std::size_t /*size*/) { return Open(json::array()); }
    bool end_array() { return Close(); }

    bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const nlohmann::detail::exception& error) {
        error_ = WithoutInput(error.what());
        return false;
    }

    [[nodiscard]] bool TooDeep() const { return too_deep_; }
    [[nodiscard]] const std::string& Error() const { return error_; }
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
        if (stack_.size() >= kMaxNestingDepth) {
            too_deep_ = true;
            return false;  // nlohmann stops parsing at once and unwinds
        }
        stack_.push_back(Place(std::move(container)));
        return true;
    }

    bool Close() {
        stack_.pop_back();
        return true;
    }

    // nlohmann's message quotes the token it last read ("; last read: '...'"), which may be part
    // of a secret in the state: the diagnostic keeps only where and what went wrong.
    static std::string WithoutInput(std::string message) {
        if (const auto quoted = message.find("; last read"); quoted != std::string::npos) {
            message.erase(quoted);
        }
        if (message.starts_with("[json.exception.")) {
            message.erase(0, message.find(']') + 1);
            message.erase(0, message.find_first_not_of(' '));
        }
        return message;
    }

    bool keep_number_text_;
    bool too_deep_ = false;
    std::string error_;
    json root_;
    std::vector<json*> stack_;
    std::string key_;
};

json Finish(DomBuilder& builder, bool complete, const char* format) {
    if (!builder.Error().empty()) {
        throw DecodeError({}, std::string("invalid ") + format + ": " + builder.Error());
    }
    if (builder.TooDeep()) {
        throw DecodeError({},
                          "values nest more than " + std::to_string(kMaxNestingDepth) +
                              " levels deep, which no Terraform schema needs");
    }
    if (!complete) {
        throw DecodeError({}, std::string("invalid ") + format + ": the value ended before it was complete");
    }
    return builder.Take();
}

}  // namespace

json ParseMsgpackDom(std::string_view bytes) {
    DomBuilder builder(false);
    bool complete = false;
    try {
        complete = json::sax_parse(bytes.begin(), bytes.end(), &builder, json::input_format_t::msgpack);
    } catch (const json::exception& error) {
        builder.parse_error(0, {}, error);
    }
    return Finish(builder, complete, "msgpack");
}

json ParseJsonDom(std::string_view text) {
    DomBuilder builder(true);
    bool complete = false;
    try {
        complete = json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const json::exception& error) {
        builder.parse_error(0, {}, error);
    }
    return Finish(builder, complete, "JSON");
}

}  // namespace tfplugin::detail
