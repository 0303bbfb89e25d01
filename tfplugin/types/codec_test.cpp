// Table-driven tests over hex vectors of Terraform's documented wire format
// (docs/plugin-protocol/object-wire-format.md and go-cty's msgpack package).
#include "tfplugin/types/codec.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "tfplugin/types/decode_error.hpp"

namespace tfplugin {
namespace {

std::string FromHex(std::string_view hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        bytes.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    }
    return bytes;
}

std::string ToHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char byte : bytes) {
        hex.push_back(kDigits[byte >> 4U]);
        hex.push_back(kDigits[byte & 0xfU]);
    }
    return hex;
}

Number Num(std::string_view text) {
    return *Number::Parse(text);
}

// gtest names a parameterised case from its table entry's name.
template <typename Case>
std::string CaseName(const testing::TestParamInfo<Case>& info) {
    std::string name = info.param.name;
    for (auto& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

UnknownRefinements NotNull(std::optional<std::string> prefix = std::nullopt) {
    UnknownRefinements refinements;
    refinements.definitely_not_null = true;
    refinements.string_prefix = std::move(prefix);
    return refinements;
}

UnknownRefinements NumberBounds(UnknownRefinements::NumberBound lower, UnknownRefinements::NumberBound upper) {
    UnknownRefinements refinements;
    refinements.number_lower_bound = std::move(lower);
    refinements.number_upper_bound = std::move(upper);
    return refinements;
}

UnknownRefinements LengthBounds(std::int64_t min, std::int64_t max) {
    UnknownRefinements refinements;
    refinements.collection_length_min = min;
    refinements.collection_length_max = max;
    return refinements;
}

const Type kPair = Type::Object({{"a", Type::String()}, {"b", Type::Bool()}});

struct RoundTripCase {
    const char* name;
    Type type;
    const char* hex;
    Value value;
};

// Each vector both decodes to the value and is exactly what we encode for it.
const RoundTripCase kRoundTrips[] = {
    {"null string", Type::String(), "c0", Value::Null(Type::String())},
    // go-cty's unknown: fixext1, extension type 0, one zero byte.
    {"unknown string", Type::String(), "d40000", Value::Unknown(Type::String())},
    {"unknown object", kPair, "d40000", Value::Unknown(kPair)},
    {"string", Type::String(), "a568656c6c6f", Value::String("hello")},
    {"empty string", Type::String(), "a0", Value::String("")},
    {"small int", Type::Number(), "01", Value::FromNumber(Number::FromInt(1))},
    {"negative int", Type::Number(), "ff", Value::FromNumber(Number::FromInt(-1))},
    {"uint16", Type::Number(), "cd012c", Value::FromNumber(Number::FromInt(300))},
    {"int64 max", Type::Number(), "cf7fffffffffffffff", Value::FromNumber(Num("9223372036854775807"))},
    // Exactly representable fractions go as floats (compact float32 when it fits).
    {"half", Type::Number(), "ca3f000000", Value::FromNumber(Num("0.5"))},
    // Beyond 64 bits, and decimals a double would round, go as decimal text.
    {"huge int",
     Type::Number(),
     "be313233343536373839303132333435363738393031323334353637383930",
     Value::FromNumber(Num("123456789012345678901234567890"))},
    {"decimal fraction", Type::Number(), "a3302e31", Value::FromNumber(Num("0.1"))},
    {"true", Type::Bool(), "c3", Value::Bool(true)},
    {"false", Type::Bool(), "c2", Value::Bool(false)},
    {"list of strings",
     Type::List(Type::String()),
     "92a161a162",
     Value::List(Type::String(), {Value::String("a"), Value::String("b")})},
    {"empty list", Type::List(Type::String()), "90", Value::List(Type::String(), {})},
    {"set with unknown element",
     Type::Set(Type::String()),
     "91d40000",
     Value::Set(Type::String(), {Value::Unknown(Type::String())})},
    {"map", Type::Map(Type::String()), "81a16ba176", Value::Map(Type::String(), {{"k", Value::String("v")}})},
    // Every attribute present, keys sorted, nulls written as nil.
    {"object with null attribute",
     kPair,
     "82a161a178a162c0",
     Value::Object(kPair, {{"a", Value::String("x")}, {"b", Value::Null(Type::Bool())}})},
    {"tuple",
     Type::Tuple({Type::String(), Type::Bool()}),
     "92a178c3",
     Value::Tuple({Value::String("x"), Value::Bool(true)})},
    // Dynamic: a two-element array of the type's JSON (as bin) and the value.
    {"dynamic string", Type::Dynamic(), "92c40822737472696e6722a178", Value::String("x")},
};

class RoundTrip : public testing::TestWithParam<RoundTripCase> {};

TEST_P(RoundTrip, DecodesToTheValue) {
    const auto& test = GetParam();
    EXPECT_EQ(DecodeMsgpack(FromHex(test.hex), test.type), test.value);
}

TEST_P(RoundTrip, EncodesToTheBytes) {
    const auto& test = GetParam();
    EXPECT_EQ(ToHex(EncodeMsgpack(test.value, test.type)), test.hex);
}

INSTANTIATE_TEST_SUITE_P(Msgpack, RoundTrip, testing::ValuesIn(kRoundTrips), CaseName<RoundTripCase>);

struct DecodeOnlyCase {
    const char* name;
    Type type;
    const char* hex;
    Value value;
};

// Forms we accept but never write.
const DecodeOnlyCase kDecodeOnly[] = {
    // Any extension type is an unknown, whatever its payload.
    {"other extension", Type::String(), "d50501ff", Value::Unknown(Type::String())},
    // A refined unknown whose payload says it will not be null ({1: false}).
    {"refined not null", Type::String(), "c7030c8101c2", Value::Unknown(Type::String(), NotNull())},
    // Refinements: not null, string prefix "ab".
    {"refined prefix", Type::String(), "c7070c8201c202a26162", Value::Unknown(Type::String(), NotNull("ab"))},
    // Refinements: number bounds [0 inclusive, 16 exclusive].
    {"refined number bounds",
     Type::Number(),
     "c7090c820392 00c3049210c2",
     Value::Unknown(Type::Number(), NumberBounds({Num("0"), true}, {Num("16"), false}))},
    // Collection length bounds 1..3.
    {"refined length",
     Type::List(Type::String()),
     "c7050c82050106 03",
     Value::Unknown(Type::List(Type::String()), LengthBounds(1, 3))},
    {"float64", Type::Number(), "cb3ff8000000000000", Value::FromNumber(Num("1.5"))},
    {"int8", Type::Number(), "d080", Value::FromNumber(Num("-128"))},
    {"str8", Type::String(), "d903616263", Value::String("abc")},
};

class DecodeOnly : public testing::TestWithParam<DecodeOnlyCase> {};

TEST_P(DecodeOnly, Decodes) {
    const auto& test = GetParam();
    std::string hex = test.hex;
    std::erase(hex, ' ');
    EXPECT_EQ(DecodeMsgpack(FromHex(hex), test.type), test.value);
}

INSTANTIATE_TEST_SUITE_P(Msgpack, DecodeOnly, testing::ValuesIn(kDecodeOnly), CaseName<DecodeOnlyCase>);

struct DecodeErrorCase {
    const char* name;
    Type type;
    const char* hex;
    const char* path;
    const char* message_part;
};

const Type kItems = Type::Object({{"items", Type::List(Type::Object({{"name", Type::String()}}))}});

const DecodeErrorCase kDecodeErrors[] = {
    {"missing attribute", kPair, "81a161a178", "", "an object with 2 attributes is required (1 given)"},
    {"extra attribute", kPair, "83a161a178a162c0a163c0", "c", "unsupported attribute \"c\""},
    {"wrong attribute type", kPair, "82a16105a162c0", "a", "expected a string, got a number"},
    // items[1].name is a bool: the path walks through the list index.
    {"nested path", kItems, "81a56974656d739281a46e616d65a1788 1a46e616d65c3", "items[1].name", "expected a string"},
    {"bad decimal text", Type::Number(), "a3616263", "", "is not a valid number"},
    {"truncated", Type::String(), "a568656c", "", "invalid msgpack"},
    {"trailing bytes", Type::String(), "a0a0", "", "invalid msgpack"},
};

class DecodeFailure : public testing::TestWithParam<DecodeErrorCase> {};

TEST_P(DecodeFailure, ReportsThePath) {
    const auto& test = GetParam();
    std::string hex = test.hex;
    std::erase(hex, ' ');
    try {
        DecodeMsgpack(FromHex(hex), test.type);
        FAIL() << "decoding should have failed";
    } catch (const DecodeError& error) {
        EXPECT_EQ(error.Path().ToString(), test.path);
        EXPECT_NE(std::string(error.what()).find(test.message_part), std::string::npos) << error.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Msgpack, DecodeFailure, testing::ValuesIn(kDecodeErrors), CaseName<DecodeErrorCase>);

TEST(JsonDecode, KeepsLargeAndFractionalNumbersExact) {
    const auto type = Type::List(Type::Number());
    const auto value = DecodeJson("[123456789012345678901234567890, 0.1, 12345678901234567890.123456789, -7]", type);
    ASSERT_EQ(value.Elements().size(), 4U);
    EXPECT_EQ(value.Elements()[0].AsNumber().ToString(), "123456789012345678901234567890");
    EXPECT_EQ(value.Elements()[1].AsNumber().ToString(), "0.1");
    EXPECT_EQ(value.Elements()[2].AsNumber().ToString(), "12345678901234567890.123456789");
    EXPECT_EQ(value.Elements()[3].AsNumber().ToInt64(), -7);
}

TEST(JsonDecode, MissingAttributesAreNullAndUnknownOnesAreErrors) {
    EXPECT_EQ(DecodeJson(R"({"a":"x"})", kPair),
              Value::Object(kPair, {{"a", Value::String("x")}, {"b", Value::Null(Type::Bool())}}));
    try {
        DecodeJson(R"({"a":"x","zzz":1})", kPair);
        FAIL() << "an unknown attribute should be refused";
    } catch (const DecodeError& error) {
        EXPECT_EQ(error.Path().ToString(), "zzz");
    }
}

TEST(JsonDecode, DynamicCarriesItsType) {
    EXPECT_EQ(DecodeJson(R"({"type":["list","string"],"value":["a"]})", Type::Dynamic()),
              Value::List(Type::String(), {Value::String("a")}));
}

TEST(JsonDecode, ErrorsNameTheAttribute) {
    try {
        DecodeJson(R"({"items":[{"name":"ok"},{"name":[1]}]})", kItems);
        FAIL() << "decoding should have failed";
    } catch (const DecodeError& error) {
        EXPECT_EQ(error.Path().ToString(), "items[1].name");
    }
}

TEST(JsonDecode, RejectsMalformedText) {
    EXPECT_THROW(DecodeJson("{\"a\":", kPair), DecodeError);
}

TEST(MsgpackEncode, WholeObjectsRoundTripThroughTheDecoder) {
    const auto type = Type::Object({{"id", Type::String()},
                                    {"scopes", Type::List(Type::String())},
                                    {"count", Type::Number()},
                                    {"lockbox", Type::List(Type::Object({{"secret_id", Type::String()}}))}});
    const auto value =
        Value::Object(type,
                      {{"id", Value::Unknown(Type::String())},
                       {"scopes", Value::List(Type::String(), {Value::String("yc.postbox.send")})},
                       {"count", Value::FromNumber(Num("12345678901234567890.25"))},
                       {"lockbox", Value::Null(Type::List(Type::Object({{"secret_id", Type::String()}})))}});
    EXPECT_EQ(DecodeMsgpack(EncodeMsgpack(value, type), type), value);
}

}  // namespace
}  // namespace tfplugin

namespace tfplugin {
namespace {

// Hostile nesting: each level is one byte (0x91 = array of one, 0x81 + key = map of one), so a
// small message used to recurse deep enough to overflow the stack.
std::string NestedMsgpackArrays(std::size_t depth) {
    return std::string(depth, '\x91') + '\xc0';
}

std::string NestedMsgpackMaps(std::size_t depth) {
    std::string bytes;
    for (std::size_t i = 0; i < depth; ++i)
        bytes += "\x81\xa1k";
    return bytes + '\xc0';
}

void ExpectTooDeep(const std::function<void()>& decode) {
    try {
        decode();
        FAIL() << "a value nested this deep should be refused";
    } catch (const DecodeError& error) {
        EXPECT_NE(std::string(error.what()).find("nest more than 128 levels"), std::string::npos) << error.what();
    }
}

TEST(NestingLimit, DeepMsgpackIsADecodeErrorNotACrash) {
    ExpectTooDeep([] { DecodeMsgpack(NestedMsgpackArrays(87'000), Type::Dynamic()); });
    ExpectTooDeep([] { DecodeMsgpack(NestedMsgpackMaps(53'000), Type::Dynamic()); });
    ExpectTooDeep([] { DecodeMsgpack(NestedMsgpackArrays(129), Type::String()); });
}

TEST(NestingLimit, DeepJsonIsADecodeErrorNotACrash) {
    ExpectTooDeep([] { DecodeJson(std::string(200'000, '['), Type::Dynamic()); });
    std::string objects;
    for (int i = 0; i < 100'000; ++i)
        objects += R"({"a":)";
    ExpectTooDeep([&] { DecodeJson(objects, Type::Dynamic()); });
}

TEST(NestingLimit, RealisticDepthsStillDecode) {
    // 128 levels is the limit itself: a list of lists ... of strings that deep decodes.
    Type type = Type::String();
    for (int i = 0; i < 127; ++i)
        type = Type::List(type);
    const auto value = DecodeMsgpack(std::string(127, '\x91') + "\xa1x", type);
    EXPECT_TRUE(value.IsKnown());
    EXPECT_EQ(DecodeMsgpack(EncodeMsgpack(value, type), type), value);
}

TEST(NestingLimit, DynamicTypeNamesAreBoundedToo) {
    // A dynamic value's type is JSON text inside the message: ["list",["list",...]] 10,000 deep.
    std::string type_text;
    for (int i = 0; i < 10'000; ++i)
        type_text += R"(["list",)";
    type_text += "\"string\"" + std::string(10'000, ']');
    std::string bytes = "\x92\xdb";  // str 32: a four-byte length follows
    for (const unsigned shift : {24U, 16U, 8U, 0U})
        bytes += static_cast<char>((type_text.size() >> shift) & 0xffU);
    bytes += type_text + '\xc0';
    try {
        DecodeMsgpack(bytes, Type::Dynamic());
        FAIL() << "a type nested this deep should be refused";
    } catch (const DecodeError& error) {
        EXPECT_NE(std::string(error.what()).find("type"), std::string::npos) << error.what();
    }
    EXPECT_FALSE(Type::FromJson(nlohmann::json::parse(type_text)));
}

TEST(JsonDecode, ErrorsDoNotQuoteTheInput) {
    // nlohmann quotes the last token it read; in raw state that may be part of a secret.
    try {
        DecodeJson(R"({"a":"AQVNsecretpart)", kPair);
        FAIL() << "decoding should have failed";
    } catch (const DecodeError& error) {
        EXPECT_EQ(std::string(error.what()).find("AQVN"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("invalid JSON"), std::string::npos) << error.what();
    }
}

}  // namespace
}  // namespace tfplugin
