#include "tfplugin/framework/validators.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "tfplugin/framework/definition.hpp"

namespace tfplugin::framework {
namespace {

Value Strings(std::vector<std::string> items) {
    std::vector<Value> values;
    for (auto& item : items)
        values.push_back(Value::String(std::move(item)));
    return Value::List(Type::String(), std::move(values));
}

Diagnostics Check(const Validator& validator, const Value& value) {
    Diagnostics diagnostics;
    validator(value, AttributePath::Root("attr"), diagnostics);
    return diagnostics;
}

TEST(Validators, NullAndUnknownAlwaysPass) {
    for (const auto& validator :
         {StringLengthAtMost(1), StringNotEmpty(), SizeAtMost(0), ElementsUnique(), ElementsNotNull()}) {
        EXPECT_FALSE(Check(validator, Value::Null(Type::String())).HasError());
        EXPECT_FALSE(Check(validator, Value::Unknown(Type::List(Type::String()))).HasError());
    }
}

TEST(Validators, LengthCountsCharactersNotBytes) {
    // Four Cyrillic letters are eight bytes of UTF-8 but four characters.
    EXPECT_FALSE(Check(StringLengthAtMost(4), Value::String("ключ")).HasError());
    const auto diagnostics = Check(StringLengthAtMost(3), Value::String("ключ"));
    ASSERT_TRUE(diagnostics.HasError());
    EXPECT_EQ(diagnostics.Items()[0].attribute, AttributePath::Root("attr"));
    EXPECT_NE(diagnostics.Items()[0].detail.find("at most 3 characters"), std::string::npos);
}

TEST(Validators, DuplicatesPointAtTheRepeatedElement) {
    const auto diagnostics = Check(ElementsUnique(), Strings({"a", "b", "a"}));
    ASSERT_EQ(diagnostics.Items().size(), 1U);
    EXPECT_EQ(diagnostics.Items()[0].attribute, AttributePath::Root("attr").Index(2));
    EXPECT_NE(diagnostics.Items()[0].detail.find("index 0 and again at index 2"), std::string::npos);
}

TEST(Validators, NullElementsAreNamedByTheirIndex) {
    const auto list = Value::List(Type::String(), {Value::String("a"), Value::Null(Type::String())});
    const auto diagnostics = Check(ElementsNotNull(), list);
    ASSERT_EQ(diagnostics.Items().size(), 1U);
    EXPECT_EQ(diagnostics.Items()[0].attribute, AttributePath::Root("attr").Index(1));
    EXPECT_FALSE(Check(ElementsNotNull(), Strings({"a", ""})).HasError());
    EXPECT_FALSE(Check(ElementsNotNull(), Value::List(Type::String(), {Value::Unknown(Type::String())})).HasError())
        << "an unknown element is checked when it is known";
}

TEST(Validators, UniquenessOfManyElementsIsFastAndBriefAboutRepeats) {
    std::vector<std::string> distinct;
    for (int i = 0; i < 100'000; ++i)
        distinct.push_back("yc.scope." + std::to_string(i));
    const auto started = std::chrono::steady_clock::now();
    EXPECT_FALSE(Check(ElementsUnique(), Strings(distinct)).HasError());
    // 100,000 copies of one scope: ten named, one counting the other 99,989.
    const auto repeats = Check(ElementsUnique(), Strings(std::vector<std::string>(100'000, "yc.postbox.send")));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    ASSERT_EQ(repeats.Items().size(), 11U);
    EXPECT_NE(repeats.Items().back().detail.find("99989 more"), std::string::npos) << repeats.Items().back().detail;
}

TEST(Validators, EachElementUsesTheIndex) {
    const auto diagnostics = Check(EachElement(StringLengthAtMost(1)), Strings({"a", "bb"}));
    ASSERT_EQ(diagnostics.Items().size(), 1U);
    EXPECT_EQ(diagnostics.Items()[0].attribute, AttributePath::Root("attr").Index(1));
}

TEST(Validators, WholeNumbersOutsideTheRangeOrWithAFractionAreRefused) {
    const auto one_to_ten = WholeNumberBetween(1, 10);
    EXPECT_FALSE(Check(one_to_ten, Value::FromNumber(Number::FromInt(1))).HasError());
    EXPECT_FALSE(Check(one_to_ten, Value::FromNumber(Number::FromInt(10))).HasError());
    EXPECT_FALSE(Check(one_to_ten, Value::Null(Type::Number())).HasError());
    for (const auto* bad : {"0", "11", "2.5", "-1", "4294967296"}) {
        const auto diagnostics = Check(one_to_ten, Value::FromNumber(*Number::Parse(bad)));
        ASSERT_TRUE(diagnostics.HasError()) << bad;
        EXPECT_EQ(diagnostics.Items()[0].attribute, AttributePath::Root("attr"));
        EXPECT_NE(diagnostics.Items()[0].detail.find("from 1 to 10, got " + std::string(bad)), std::string::npos)
            << diagnostics.Items()[0].detail;
    }
}

TEST(Validators, CharactersNameTheFirstBadOne) {
    const auto digits_only = StringCharacters([](char c) { return c >= '0' && c <= '9'; }, "digits");
    EXPECT_FALSE(Check(digits_only, Value::String("123")).HasError());
    const auto diagnostics = Check(digits_only, Value::String("12x"));
    ASSERT_TRUE(diagnostics.HasError());
    EXPECT_NE(diagnostics.Items()[0].detail.find("'x' at position 3"), std::string::npos);
}

TEST(Definition, NestedBlockAttributesAreCheckedPerInstance) {
    Definition definition;
    NestedBlock box_block;
    box_block.type_name = "box";
    Attribute name;
    name.name = "name";
    name.mode = AttributeMode::kRequired;
    box_block.block.attributes.push_back(name);
    definition.schema.block.block_types.push_back(box_block);
    definition.rules["box.name"].validators.push_back(StringLengthAtMost(2));
    const auto box = Type::Object({{"name", Type::String()}});
    const auto config = Value::Object(definition.schema.ValueType(),
                                      {{"box",
                                        Value::List(box,
                                                    {Value::Object(box, {{"name", Value::String("ok")}}),
                                                     Value::Object(box, {{"name", Value::String("too long")}})})}});
    Diagnostics diagnostics;
    ValidateAttributes(definition, config, diagnostics);
    ASSERT_EQ(diagnostics.Items().size(), 1U);
    EXPECT_EQ(diagnostics.Items()[0].attribute->ToString(), "box[1].name");
}

}  // namespace
}  // namespace tfplugin::framework
