#include "resources/iam_service_account_api_key/definition.hpp"

#include "resources/common/api_key_limits.hpp"
#include "resources/common/api_key_rules.hpp"
#include "resources/iam_service_account_api_key/model.hpp"
#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/timeouts.hpp"
#include "tfplugin/framework/timestamp.hpp"

namespace provider {

namespace {

using namespace tfplugin;
using namespace tfplugin::framework;
namespace limits = api_key_limits;
namespace attribute = api_key_attribute;

// The rules key of an attribute inside a nested block.
std::string NestedKey(const char* block, const char* name) {
    return std::string(block) + "." + name;
}

bool IsLockboxKeyCharacter(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
           c == '.' || c == '/' || c == '\\' || c == '@';
}

// Two spellings of one instant (another UTC offset, another number of fraction digits).
bool SameInstant(const Value& a, const Value& b) {
    const auto left = Timestamp::ParseRfc3339(a.AsString());
    const auto right = Timestamp::ParseRfc3339(b.AsString());
    return left && right && *left == *right;
}

NestedBlock OutputToLockboxBlock() {
    NestedBlock block;
    block.type_name = attribute::kOutputToLockbox;
    block.nesting = NestingMode::kList;
    block.max_items = 1;
    block.block.description =
        "Write the secret to a Yandex Lockbox secret instead of the Terraform state. A new version of the Lockbox "
        "secret carries the API key under `entry_for_secret_key` (the other entries of the current version are "
        "kept), and `secret_key` stays empty in state.";
    block.block.attributes = {
        Required(attribute::kLockboxSecretId,
                 Type::String(),
                 "ID of the Lockbox secret (of the custom type) that receives a new version holding the API key."),
        Required(attribute::kLockboxEntryForSecretKey,
                 Type::String(),
                 "Key of the Lockbox entry that holds the API key: at most 256 characters of `a-z`, `A-Z`, `0-9` and "
                 "`-_./\\@`."),
    };
    return block;
}

Definition Build() {
    Definition definition;
    // Version 0 is the official provider's state (with "" for every unset string); version 1 is
    // ours, where "" is what the configuration says. See upgrade_state.cpp.
    definition.schema.version = 1;
    auto& block = definition.schema.block;
    block.description =
        "Manages an [API key](https://yandex.cloud/docs/iam/concepts/authorization/api-key) of a Yandex Cloud "
        "service account. The secret part of the key is shown only once, when the key is created: it goes to the "
        "state (`secret_key`, sensitive), encrypted with a PGP key (`encrypted_secret_key`), or to a Lockbox secret "
        "(`output_to_lockbox`).";
    block.attributes = {
        Computed(attribute::kId, Type::String(), "ID of the API key."),
        Required(
            attribute::kServiceAccountId,
            Type::String(),
            "ID of the service account the key belongs to (at most 50 characters). Changing it creates a new key."),
        Optional(attribute::kDescription, Type::String(), "Description of the key, at most 256 characters."),
        OptionalComputed(attribute::kScopes,
                         Type::List(Type::String()),
                         "Scopes of the key, such as `yc.postbox.send` (at most 100, each unique). The key cannot be "
                         "used outside them. Without scopes the cloud assigns its default set, which is then shown "
                         "here."),
        Deprecated(OptionalComputed(attribute::kScope,
                                    Type::String(),
                                    "Single scope of the key. Deprecated: use `scopes`. When `scopes` has exactly one "
                                    "element the cloud fills this attribute in with it."),
                   "Attribute `scope` is deprecated and will be removed in the next major version of the provider. Use "
                   "attribute `scopes` instead."),
        Optional(attribute::kExpiresAt,
                 Type::String(),
                 "When the key stops working, as an RFC 3339 timestamp such as `2030-12-31T23:59:59Z` (any UTC offset, "
                 "between 1970-01-01 and 2105-12-31). Without it the key never expires."),
        Optional(
            attribute::kPgpKey,
            Type::String(),
            "OpenPGP public key to encrypt the secret with, so the state holds only `encrypted_secret_key`: base64 "
            "of a binary key (`gpg --export <id> | base64`), base64 of an ASCII-armored key, the armored text "
            "itself, or `keybase:<username>`. Changing it creates a new key."),
        Sensitive(Computed(attribute::kSecretKey,
                           Type::String(),
                           "The secret part of the API key. Set only when neither `pgp_key` nor `output_to_lockbox` is "
                           "given, and only by create: an imported key has none.")),
        Computed(attribute::kEncryptedSecretKey,
                 Type::String(),
                 "The secret, encrypted to `pgp_key`: base64 of a binary OpenPGP message. Decrypt it with "
                 "`base64 -d | gpg --decrypt`."),
        Computed(
            attribute::kKeyFingerprint, Type::String(), "Fingerprint of `pgp_key` (40 lowercase hexadecimal digits)."),
        Computed(attribute::kCreatedAt, Type::String(), "When the key was created, as an RFC 3339 timestamp in UTC."),
        Computed(attribute::kOutputToLockboxVersionId,
                 Type::String(),
                 "ID of the Lockbox secret version that holds the API key, when `output_to_lockbox` is set."),
        Optional(attribute::kRotationTriggers,
                 Type::Map(Type::String()),
                 "Arbitrary values that replace the key (a new key is created and the old one deleted) whenever "
                 "one of them changes, like `triggers_replace` of `terraform_data`: a release number, a date, "
                 "another resource's id. With `lifecycle { create_before_destroy = true }` the new key exists before "
                 "the old one goes. An empty map is the same as none."),
        Optional(attribute::kRotateAfter,
                 Type::String(),
                 "Age at which the key is replaced, as a duration in Go's notation such as `720h` (30 days) or "
                 "`2160h` (90 days); there is no unit of days. A plan checks the key's age when it refreshes the "
                 "key, by the `rotate_after` the state holds: a new or shorter value takes effect from the plan "
                 "after the apply that records it. A value known only after apply does not rotate. Together with "
                 "`lifecycle { create_before_destroy = true }` the new key exists before the old one goes."),
    };
    block.block_types = {OutputToLockboxBlock()};
    AddTimeoutsBlock(definition, {"create", "read", "update", "delete"});

    auto& rules = definition.rules;
    // Computed values that only create changes, or a move of the secret (see modify_plan.cpp):
    // an update keeps them, so plans stay quiet.
    for (const char* name : {attribute::kId,
                             attribute::kCreatedAt,
                             attribute::kScopes,
                             attribute::kScope,
                             attribute::kSecretKey,
                             attribute::kEncryptedSecretKey,
                             attribute::kKeyFingerprint,
                             attribute::kOutputToLockboxVersionId}) {
        rules[name].use_state_for_unknown = true;
    }
    // As in the official provider, "" and [] mean "not set": modules pass them as defaults.
    for (const char* name : {attribute::kDescription,
                             attribute::kScopes,
                             attribute::kScope,
                             attribute::kExpiresAt,
                             attribute::kPgpKey,
                             attribute::kRotationTriggers,
                             attribute::kRotateAfter})
        rules[name].empty_means_unset = true;
    rules[attribute::kServiceAccountId].validators = ServiceAccountIdValidators();
    rules[attribute::kServiceAccountId].requires_replace = true;
    rules[attribute::kPgpKey].requires_replace = true;
    rules[attribute::kRotationTriggers].requires_replace = true;
    rules[attribute::kRotateAfter].validators = {PositiveDuration()};
    rules[attribute::kDescription].validators = DescriptionValidators();
    rules[attribute::kScopes].validators = ScopesValidators();
    rules[attribute::kScope].validators = {StringLengthAtMost(limits::kScopeLength)};
    rules[attribute::kScope].conflicts_with = {attribute::kScopes};
    rules[attribute::kExpiresAt].validators = {
        Rfc3339Between(limits::kExpiresAtEarliest, limits::kExpiresAtEnd, "between 1970-01-01 and 2105-12-31")};
    rules[attribute::kExpiresAt].equivalent = SameInstant;
    rules[NestedKey(attribute::kOutputToLockbox, attribute::kLockboxSecretId)].validators = {StringNotEmpty()};
    rules[NestedKey(attribute::kOutputToLockbox, attribute::kLockboxEntryForSecretKey)].validators = {
        StringNotEmpty(),
        StringLengthAtMost(limits::kLockboxEntryKeyLength),
        StringCharacters(IsLockboxKeyCharacter, "letters, digits and the characters -_./\\@")};
    return definition;
}

}  // namespace

const Definition& ApiKeyDefinition() {
    static const Definition definition = Build();
    return definition;
}

}  // namespace provider
