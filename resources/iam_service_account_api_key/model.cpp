#include "resources/iam_service_account_api_key/model.hpp"

#include "resources/iam_service_account_api_key/definition.hpp"
#include "tfplugin/framework/typed_model.hpp"

namespace provider {

namespace {

using tfplugin::Value;
namespace attribute = api_key_attribute;

// Each field with its attribute: the one table both directions read.
constexpr tfplugin::framework::ModelFields<ApiKeyModel, 16> kFields({{
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
}});

const tfplugin::Type& ApiKeyType() {
    static const auto type = ApiKeyDefinition().schema.ValueType();
    return type;
}

}  // namespace

ApiKeyModel ApiKeyModel::From(const Value& object) {
    return kFields.Read(object);
}

ApiKeyModel ApiKeyModel::Null() {
    return kFields.Nulls(ApiKeyType());
}

Value ApiKeyModel::ToValue() const {
    return kFields.Write(*this, ApiKeyType());
}

const char* AttributeNameOf(ApiKeyField field) {
    return kFields.NameOf(field);
}

tfplugin::AttributePath PathOf(ApiKeyField field) {
    return tfplugin::AttributePath::Root(AttributeNameOf(field));
}

std::optional<bool> IsSet(const ApiKeyModel& object, ApiKeyField field) {
    return tfplugin::framework::SetsAttribute(ApiKeyDefinition(), AttributeNameOf(field), object.*field);
}

bool Changed(const ApiKeyModel& after, const ApiKeyModel& before, ApiKeyField field) {
    return tfplugin::framework::AttributeChanged(
        ApiKeyDefinition(), AttributeNameOf(field), after.*field, before.*field);
}

}  // namespace provider
