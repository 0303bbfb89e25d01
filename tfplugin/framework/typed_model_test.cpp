#include "tfplugin/framework/typed_model.hpp"

#include <gtest/gtest.h>

namespace tfplugin::framework {
namespace {

struct Pair {
    Value name;
    Value tags;
};

const Type kPairType = Type::Object({{"name", Type::String()}, {"tags", Type::List(Type::String())}});

constexpr ModelFields<Pair, 2> kPairFields({{{"name", &Pair::name}, {"tags", &Pair::tags}}});

TEST(TypedModel, ReadsAndWritesEveryAttribute) {
    const auto object =
        Value::Object(kPairType, {{"name", Value::String("n")}, {"tags", Value::Unknown(Type::List(Type::String()))}});
    const auto pair = kPairFields.Read(object);
    EXPECT_EQ(pair.name, Value::String("n"));
    EXPECT_TRUE(pair.tags.IsUnknown()) << "unknown stays unknown";
    EXPECT_EQ(kPairFields.Write(pair, kPairType), object);
    const auto nulls = kPairFields.Nulls(kPairType);
    EXPECT_EQ(nulls.tags, Value::Null(Type::List(Type::String())));
    EXPECT_STREQ(kPairFields.NameOf(&Pair::tags), "tags");
}

TEST(TypedModel, ANameTheSchemaLacksFailsAtOnce) {
    constexpr ModelFields<Pair, 2> misspelt({{{"nmae", &Pair::name}, {"tags", &Pair::tags}}});
    const auto object =
        Value::Object(kPairType, {{"name", Value::String("n")}, {"tags", Value::Null(Type::List(Type::String()))}});
    EXPECT_THROW((void)misspelt.Read(object), std::logic_error);
    constexpr ModelFields<Pair, 1> incomplete(std::array<ModelField<Pair>, 1>{{{"name", &Pair::name}}});
    EXPECT_THROW((void)incomplete.Write(incomplete.Read(object), kPairType), std::logic_error);
}

}  // namespace
}  // namespace tfplugin::framework
