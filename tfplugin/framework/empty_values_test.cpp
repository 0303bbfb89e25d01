// Values that modules pass for "not set" ("" and []), conflicts, and equivalent spellings:
// validation, planning and read-back as the framework does them for every resource.
#include <gtest/gtest.h>

#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/definition.hpp"
#include "tfplugin/framework/plan.hpp"
#include "tfplugin/framework/state_chores.hpp"

namespace tfplugin::framework {
namespace {

const Type kStrings = Type::List(Type::String());

Value Strings(std::vector<std::string> items) {
    std::vector<Value> values;
    for (auto& item : items)
        values.push_back(Value::String(std::move(item)));
    return Value::List(Type::String(), std::move(values));
}

// A resource with a plain optional string, an optional+computed list and string that conflict,
// and a timestamp-like string whose equivalent spellings are the same instant.
Definition MakeDefinition() {
    Definition definition;
    definition.schema.block.attributes = {
        Computed("id", Type::String(), ""),
        Optional("note", Type::String(), ""),
        OptionalComputed("tags", kStrings, ""),
        Deprecated(OptionalComputed("tag", Type::String(), ""), "use tags"),
        Optional("key", Type::String(), ""),
        Optional("when", Type::String(), ""),
    };
    definition.rules["id"].use_state_for_unknown = true;
    for (const char* name : {"note", "tags", "tag", "key"})
        definition.rules[name].empty_means_unset = true;
    definition.rules["note"].validators = {StringNotEmpty()};
    definition.rules["tags"].validators = {SizeAtMost(0)};
    definition.rules["tags"].use_state_for_unknown = true;
    definition.rules["tag"].validators = {StringNotEmpty()};
    definition.rules["tag"].use_state_for_unknown = true;
    definition.rules["tag"].conflicts_with = {"tags"};
    definition.rules["key"].validators = {StringNotEmpty()};
    definition.rules["key"].requires_replace = true;
    definition.rules["when"].equivalent = [](const Value& config, const Value& prior) {
        // "1h" and "60m" mean the same here.
        const auto minutes = [](const std::string& text) { return text == "1h" ? std::string("60m") : text; };
        return minutes(config.AsString()) == minutes(prior.AsString());
    };
    return definition;
}

Value Object(const Definition& definition, std::map<std::string, Value> values) {
    const auto object_type = definition.schema.ValueType();
    std::map<std::string, Value> attributes;
    for (const auto& [name, type] : object_type.AttributeTypes())
        attributes.emplace(name, values.count(name) ? values.at(name) : Value::Null(type));
    return Value::Object(object_type, std::move(attributes));
}

TEST(EmptyValues, EmptyIsNotSetOnlyWhereTheRulesSaySo) {
    const auto definition = MakeDefinition();
    const auto object = Object(definition,
                               {{"note", Value::String("")},
                                {"tags", Strings({})},
                                {"tag", Value::Unknown(Type::String())},
                                {"when", Value::String("")}});
    EXPECT_EQ(IsSet(definition, object, "note"), false);
    EXPECT_EQ(IsSet(definition, object, "tags"), false);
    EXPECT_EQ(IsSet(definition, object, "tag"), std::nullopt) << "unknown: not known yet";
    EXPECT_EQ(IsSet(definition, object, "key"), false) << "null";
    EXPECT_EQ(IsSet(definition, object, "when"), true) << "no empty_means_unset rule: \"\" is a value";
}

TEST(EmptyValues, EmptyValuesPassValidatorsAndDeprecationButOthersDoNot) {
    const auto definition = MakeDefinition();
    Diagnostics empty;
    ValidateAttributes(
        definition, Object(definition, {{"note", Value::String("")}, {"tag", Value::String("")}}), empty);
    EXPECT_TRUE(empty.Items().empty()) << "no error and no deprecation warning for an empty value";

    Diagnostics set;
    ValidateAttributes(definition, Object(definition, {{"tags", Strings({"a"})}, {"tag", Value::String("a")}}), set);
    ASSERT_TRUE(set.HasError());
    bool conflict = false;
    bool deprecated = false;
    for (const auto& item : set.Items()) {
        conflict |= item.summary == "Conflicting attributes" && item.attribute == AttributePath::Root("tag");
        deprecated |= item.summary == "Deprecated attribute";
    }
    EXPECT_TRUE(conflict);
    EXPECT_TRUE(deprecated);
}

TEST(EmptyValues, UnknownNullOrEmptyNeverConflicts) {
    const auto definition = MakeDefinition();
    for (const auto& tag : {Value::Null(Type::String()), Value::Unknown(Type::String()), Value::String("")}) {
        Diagnostics diagnostics;
        ValidateAttributes(definition, Object(definition, {{"tags", Strings({})}, {"tag", tag}}), diagnostics);
        ValidateAttributes(
            definition, Object(definition, {{"tags", Value::Unknown(kStrings)}, {"tag", tag}}), diagnostics);
        EXPECT_TRUE(diagnostics.Items().empty()) << "neither a conflict nor a deprecation warning";
    }
    Diagnostics unknown_tags;
    ValidateAttributes(definition,
                       Object(definition, {{"tags", Value::Unknown(kStrings)}, {"tag", Value::String("a")}}),
                       unknown_tags);
    EXPECT_FALSE(unknown_tags.HasError()) << "an unknown list may turn out empty";
}

TEST(EmptyValues, ChangeBetweenEmptyAndNullIsNoChangeAndReplacesNothing) {
    const auto definition = MakeDefinition();
    const auto prior = Object(definition, {{"id", Value::String("x")}, {"tags", Strings({})}});
    const auto config = Object(definition, {{"key", Value::String("")}});
    auto proposed = prior.WithAttribute("key", Value::String(""));
    EXPECT_FALSE(Changed(definition, proposed, prior, "key"));
    EXPECT_TRUE(Changed(definition, proposed.WithAttribute("key", Value::String("k")), prior, "key"));
    const auto chores = RunPlanChores(definition, prior, proposed, config);
    EXPECT_TRUE(chores.requires_replace.empty());
}

TEST(EmptyValues, PlanKeepsWhatTheRemoteChoseForAnUnsetComputedAttribute) {
    const auto definition = MakeDefinition();
    const auto prior = Object(definition, {{"id", Value::String("x")}, {"tags", Strings({"a", "b"})}});
    const auto config = Object(definition, {{"tags", Strings({})}});
    const auto proposed = prior.WithAttribute("tags", Strings({}));
    const auto chores = RunPlanChores(definition, prior, proposed, config);
    EXPECT_EQ(chores.planned_state, prior) << "[] keeps the remote side's choice: no change";
}

TEST(EmptyValues, AnEmptyValueNoLongerWrittenGoesBackToTheRemoteChoice) {
    const auto definition = MakeDefinition();
    const auto prior = Object(definition, {{"id", Value::String("x")}, {"tags", Strings({})}});
    const auto config = Object(definition, {});
    const auto chores = RunPlanChores(definition, prior, prior, config);
    EXPECT_TRUE(chores.planned_state.Attribute("tags").IsUnknown()) << "the apply reads what the remote side has";
    EXPECT_EQ(chores.planned_state.Attribute("id"), Value::String("x"));
}

TEST(EmptyValues, PlanKeepsThePriorSpellingOfAnEquivalentValue) {
    const auto definition = MakeDefinition();
    const auto prior = Object(definition, {{"id", Value::String("x")}, {"when", Value::String("60m")}});
    auto config = Object(definition, {{"when", Value::String("1h")}});
    auto chores = RunPlanChores(definition, prior, prior.WithAttribute("when", Value::String("1h")), config);
    EXPECT_EQ(chores.planned_state, prior);
    config = Object(definition, {{"when", Value::String("2h")}});
    chores = RunPlanChores(definition, prior, prior.WithAttribute("when", Value::String("2h")), config);
    EXPECT_EQ(chores.planned_state.Attribute("when"), Value::String("2h")) << "a real change stays";
}

TEST(EmptyValues, ReadBackKeepsTheWrittenEmptyValue) {
    const auto definition = MakeDefinition();
    const auto written =
        Object(definition, {{"note", Value::String("")}, {"tags", Strings({})}, {"tag", Value::String("")}});
    // The remote side reports the unset note as null, and chose tags and tag itself.
    const auto reported = Object(definition, {{"tags", Strings({"default"})}, {"tag", Value::String("default")}});
    const auto kept = KeepEmptyAsWritten(definition, written, reported);
    EXPECT_EQ(kept.Attribute("note"), Value::String(""));
    EXPECT_EQ(kept.Attribute("tags"), Strings({}));
    EXPECT_EQ(kept.Attribute("tag"), Value::String(""));
    // A note set behind Terraform's back is drift, and shows.
    const auto drifted = KeepEmptyAsWritten(definition, written, reported.WithAttribute("note", Value::String("x")));
    EXPECT_EQ(drifted.Attribute("note"), Value::String("x"));
}

TEST(Validators, NotUsedWarnsButNeverFails) {
    Diagnostics diagnostics;
    NotUsed("this provider has no zones")(Value::String("ru-central1-a"), AttributePath::Root("zone"), diagnostics);
    ASSERT_EQ(diagnostics.Items().size(), 1U);
    EXPECT_FALSE(diagnostics.HasError());
    EXPECT_EQ(diagnostics.Items()[0].attribute, AttributePath::Root("zone"));
    EXPECT_NE(diagnostics.Items()[0].detail.find("ignored: this provider has no zones"), std::string::npos);
}

}  // namespace
}  // namespace tfplugin::framework
