#include "tfplugin/types/attribute_path.hpp"

namespace tfplugin {

AttributePath AttributePath::Root(std::string name) {
    return AttributePath().Attribute(std::move(name));
}

AttributePath AttributePath::With(AttributePathStep step) const {
    AttributePath path = *this;
    path.steps_.push_back(std::move(step));
    return path;
}

AttributePath AttributePath::Attribute(std::string name) const {
    return With(AttributeName{std::move(name)});
}

AttributePath AttributePath::Key(std::string key) const {
    return With(ElementKeyString{std::move(key)});
}

AttributePath AttributePath::Index(std::int64_t index) const {
    return With(ElementKeyInt{index});
}

std::string AttributePath::ToString() const {
    std::string text;
    for (const auto& step : steps_) {
        if (const auto* attribute = std::get_if<AttributeName>(&step)) {
            if (!text.empty())
                text += '.';
            text += attribute->name;
        } else if (const auto* key = std::get_if<ElementKeyString>(&step)) {
            text += "[\"" + key->key + "\"]";
        } else {
            text += "[" + std::to_string(std::get<ElementKeyInt>(step).index) + "]";
        }
    }
    return text;
}

}  // namespace tfplugin
