#pragma once

#include <optional>
#include <string>

#include "tfplugin/types/attribute_path.hpp"
#include "tfplugin/types/value.hpp"

// yandex_iam_service_account_api_key's state, plan and configuration as a struct. The attribute
// names are written here and nowhere else: the other files use these constants (a misspelling
// does not compile) or the struct's fields, and model_test checks both against the schema.
namespace provider {

namespace api_key_attribute {
inline constexpr const char* kId = "id";
inline constexpr const char* kServiceAccountId = "service_account_id";
inline constexpr const char* kDescription = "description";
inline constexpr const char* kScopes = "scopes";
inline constexpr const char* kScope = "scope";
inline constexpr const char* kExpiresAt = "expires_at";
inline constexpr const char* kPgpKey = "pgp_key";
inline constexpr const char* kSecretKey = "secret_key";
inline constexpr const char* kEncryptedSecretKey = "encrypted_secret_key";
inline constexpr const char* kKeyFingerprint = "key_fingerprint";
inline constexpr const char* kCreatedAt = "created_at";
inline constexpr const char* kOutputToLockboxVersionId = "output_to_lockbox_version_id";
inline constexpr const char* kRotationTriggers = "rotation_triggers";
inline constexpr const char* kRotateAfter = "rotate_after";
inline constexpr const char* kOutputToLockbox = "output_to_lockbox";
inline constexpr const char* kTimeouts = "timeouts";
// Inside `output_to_lockbox`.
inline constexpr const char* kLockboxSecretId = "secret_id";
inline constexpr const char* kLockboxEntryForSecretKey = "entry_for_secret_key";
}  // namespace api_key_attribute

/// One field per attribute, each a Value that keeps null and unknown (as terraform-plugin-
/// framework's types.String does): "" written in a configuration and no value at all mean
/// different things to a plan.
struct ApiKeyModel {
    tfplugin::Value id;
    tfplugin::Value service_account_id;
    tfplugin::Value description;
    tfplugin::Value scopes;
    tfplugin::Value scope;
    tfplugin::Value expires_at;
    tfplugin::Value pgp_key;
    tfplugin::Value secret_key;
    tfplugin::Value encrypted_secret_key;
    tfplugin::Value key_fingerprint;
    tfplugin::Value created_at;
    tfplugin::Value output_to_lockbox_version_id;
    tfplugin::Value rotation_triggers;
    tfplugin::Value rotate_after;
    tfplugin::Value output_to_lockbox;
    tfplugin::Value timeouts;

    /// The fields of a known object of the resource's type.
    static ApiKeyModel From(const tfplugin::Value& object);
    /// Every field null, of its attribute's type.
    static ApiKeyModel Null();
    /// The object of the resource's type.
    [[nodiscard]] tfplugin::Value ToValue() const;
};

/// A field of the model, such as `&ApiKeyModel::pgp_key`.
using ApiKeyField = tfplugin::Value ApiKeyModel::*;

/// The attribute the field stands for.
const char* AttributeNameOf(ApiKeyField field);
tfplugin::AttributePath PathOf(ApiKeyField field);
/// Whether `object` sets the field's attribute, by the resource's rules ("" and [] where they
/// mean "not set" do not); nullopt while unknown.
std::optional<bool> IsSet(const ApiKeyModel& object, ApiKeyField field);
/// Whether the attribute differs, where "not set" in both is no difference.
bool Changed(const ApiKeyModel& after, const ApiKeyModel& before, ApiKeyField field);

}  // namespace provider
