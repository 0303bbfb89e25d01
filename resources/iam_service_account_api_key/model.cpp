#include "resources/iam_service_account_api_key/model.hpp"

#include <map>
#include <stdexcept>
#include <utility>

#include "resources/iam_service_account_api_key/definition.hpp"

namespace provider {

namespace {

using tfplugin::Value;
namespace attribute = api_key_attribute;

// Each field with its attribute: the one table both directions read.
constexpr std::pair<const char*, Value ApiKeyModel::*> kFields[] = {
    {attribute::kId, &ApiKeyModel::id},
    {attribute::kServiceAccountId, &ApiKeyModel::service_account_id},
    {attribute::kDescription, &ApiKeyModel::description},
    {attribute::kScopes, &ApiKeyModel::scopes},
    {attribute::kScope, &ApiKeyModel::scope},
    {attribute::kExpiresAt, &ApiKeyModel::expires_at},
    {attribute::kPgpKey, &ApiKeyModel::pgp_key},
    {attribute::kSecretKey, &ApiKeyModel::secret_key},
    {attribute::kEncryptedSecretKey, &ApiKeyModel::encrypted_secret_key},
    {attribute::kKeyFingerprint, &ApiKeyModel::key_fingerprint},
    {attribute::kCreatedAt, &ApiKeyModel::created_at},
    {attribute::kOutputToLockboxVersionId, &ApiKeyModel::output_to_lockbox_version_id},
    {attribute::kRotationTriggers, &ApiKeyModel::rotation_triggers},
    {attribute::kRotateAfter, &ApiKeyModel::rotate_after},
    {attribute::kOutputToLockbox, &ApiKeyModel::output_to_lockbox},
    {attribute::kTimeouts, &ApiKeyModel::timeouts},
};

}  // namespace

ApiKeyModel ApiKeyModel::From(const Value& object) {
    ApiKeyModel model;
    for (const auto& [name, field] : kFields)
        model.*field = object.Attribute(name);
    return model;
}

ApiKeyModel ApiKeyModel::Null() {
    const auto type = ApiKeyDefinition().schema.ValueType();
    const auto& types = type.AttributeTypes();
    ApiKeyModel model;
    for (const auto& [name, field] : kFields)
        model.*field = Value::Null(types.at(name));
    return model;
}

Value ApiKeyModel::ToValue() const {
    std::map<std::string, Value> attributes;
    for (const auto& [name, field] : kFields)
        attributes.emplace(name, this->*field);
    return Value::Object(ApiKeyDefinition().schema.ValueType(), std::move(attributes));
}

const char* AttributeNameOf(ApiKeyField field) {
    for (const auto& [name, known] : kFields) {
        if (known == field)
            return name;
    }
    throw std::logic_error("ApiKeyModel: a field without an attribute");
}

tfplugin::AttributePath PathOf(ApiKeyField field) {
    return tfplugin::AttributePath::Root(AttributeNameOf(field));
}

std::optional<bool> IsSet(const ApiKeyModel& object, ApiKeyField field) {
    return tfplugin::framework::SetsAttribute(ApiKeyDefinition(), AttributeNameOf(field), object.*field);
}

bool Changed(const ApiKeyModel& after, const ApiKeyModel& before, ApiKeyField field) {
    if (IsSet(after, field) == false && IsSet(before, field) == false)
        return false;
    return !(after.*field == before.*field);
}

}  // namespace provider
