#include "resources/iam_service_account_api_key/definition.hpp"

#include "resources/iam_service_account_api_key/limits.hpp"
#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/timeouts.hpp"
#include "tfplugin/framework/timestamp.hpp"

namespace provider {

namespace {

using namespace tfplugin;
using namespace tfplugin::framework;
namespace limits = api_key_limits;

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
    block.type_name = "output_to_lockbox";
    block.nesting = NestingMode::kList;
    block.max_items = 1;
    block.block.description =
        "Write the secret to a Yandex Lockbox secret instead of the Terraform state. A new version of the Lockbox "
        "secret carries the API key under `entry_for_secret_key` (the other entries of the current version are "
        "kept), and `secret_key` stays empty in state.";
    block.block.attributes = {
        Required("secret_id",
                 Type::String(),
                 "ID of the Lockbox secret (of the custom type) that receives a new version holding the API key."),
        Required("entry_for_secret_key",
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
        Computed("id", Type::String(), "ID of the API key."),
        Required(
            "service_account_id",
            Type::String(),
            "ID of the service account the key belongs to (at most 50 characters). Changing it creates a new key."),
        Optional("description", Type::String(), "Description of the key, at most 256 characters."),
        OptionalComputed("scopes",
                         Type::List(Type::String()),
                         "Scopes of the key, such as `yc.postbox.send` (at most 100, each unique). The key cannot be "
                         "used outside them. Without scopes the cloud assigns its default set, which is then shown "
                         "here."),
        Deprecated(OptionalComputed("scope",
                                    Type::String(),
                                    "Single scope of the key. Deprecated: use `scopes`. When `scopes` has exactly one "
                                    "element the cloud fills this attribute in with it."),
                   "Attribute `scope` is deprecated and will be removed in the next major version of the provider. Use "
                   "attribute `scopes` instead."),
        Optional("expires_at",
                 Type::String(),
                 "When the key stops working, as an RFC 3339 timestamp such as `2030-12-31T23:59:59Z` (any UTC offset, "
                 "between 1970-01-01 and 2105-12-31). Without it the key never expires."),
        Optional(
            "pgp_key",
            Type::String(),
            "OpenPGP public key to encrypt the secret with, so the state holds only `encrypted_secret_key`: base64 "
            "of a binary key (`gpg --export <id> | base64`), base64 of an ASCII-armored key, the armored text "
            "itself, or `keybase:<username>`. Changing it creates a new key."),
        Sensitive(Computed("secret_key",
                           Type::String(),
                           "The secret part of the API key. Set only when neither `pgp_key` nor `output_to_lockbox` is "
                           "given, and only by create: an imported key has none.")),
        Computed("encrypted_secret_key",
                 Type::String(),
                 "The secret, encrypted to `pgp_key`: base64 of a binary OpenPGP message. Decrypt it with "
                 "`base64 -d | gpg --decrypt`."),
        Computed("key_fingerprint", Type::String(), "Fingerprint of `pgp_key` (40 lowercase hexadecimal digits)."),
        Computed("created_at", Type::String(), "When the key was created, as an RFC 3339 timestamp in UTC."),
        Computed("output_to_lockbox_version_id",
                 Type::String(),
                 "ID of the Lockbox secret version that holds the API key, when `output_to_lockbox` is set."),
        Optional("rotation_triggers",
                 Type::Map(Type::String()),
                 "Arbitrary values that replace the key (a new key is created and the old one deleted) whenever "
                 "one of them changes, like `triggers_replace` of `terraform_data`: a release number, a date, "
                 "another resource's id. With `lifecycle { create_before_destroy = true }` the new key exists before "
                 "the old one goes. An empty map is the same as none."),
        Optional("rotate_after",
                 Type::String(),
                 "Age after which the key is replaced, as a duration such as `720h` (30 days) or `2160h` (90 days); "
                 "units are `h`, `m` and `s`. A plan compares the key's `created_at` with the time of its refresh, "
                 "so `-refresh=false` never rotates. Together with `lifecycle { create_before_destroy = true }` the "
                 "new key exists before the old one goes."),
    };
    block.block_types = {OutputToLockboxBlock()};
    AddTimeoutsBlock(definition, {"create", "read", "update", "delete"});

    auto& rules = definition.rules;
    // Computed values that only create changes, or a move of the secret (see modify_plan.cpp):
    // an update keeps them, so plans stay quiet.
    for (const char* name : {"id",
                             "created_at",
                             "scopes",
                             "scope",
                             "secret_key",
                             "encrypted_secret_key",
                             "key_fingerprint",
                             "output_to_lockbox_version_id"}) {
        rules[name].use_state_for_unknown = true;
    }
    // As in the official provider, "" and [] mean "not set": modules pass them as defaults.
    for (const char* name :
         {"description", "scopes", "scope", "expires_at", "pgp_key", "rotation_triggers", "rotate_after"})
        rules[name].empty_means_unset = true;
    rules["service_account_id"].validators = {StringNotEmpty(), StringLengthAtMost(limits::kServiceAccountIdLength)};
    rules["service_account_id"].requires_replace = true;
    rules["pgp_key"].requires_replace = true;
    rules["rotation_triggers"].requires_replace = true;
    rules["rotate_after"].validators = {PositiveDuration()};
    rules["description"].validators = {StringLengthAtMost(limits::kDescriptionLength)};
    rules["scopes"].validators = {SizeAtMost(limits::kScopeCount),
                                  ElementsUnique(),
                                  EachElement(StringNotEmpty()),
                                  EachElement(StringLengthAtMost(limits::kScopeLength))};
    rules["scope"].validators = {StringLengthAtMost(limits::kScopeLength)};
    rules["scope"].conflicts_with = {"scopes"};
    rules["expires_at"].validators = {
        Rfc3339Between(limits::kExpiresAtEarliest, limits::kExpiresAtEnd, "between 1970-01-01 and 2105-12-31")};
    rules["expires_at"].equivalent = SameInstant;
    rules["output_to_lockbox.secret_id"].validators = {StringNotEmpty()};
    rules["output_to_lockbox.entry_for_secret_key"].validators = {
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
