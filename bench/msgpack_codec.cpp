// Micro-benchmarks of the msgpack codec on what the provider decodes and encodes most: the API
// key resource's planned state (every PlanResourceChange and ApplyResourceChange carries it).
// Google Benchmark prints time per operation and bytes per second.
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include "resources/iam_service_account_api_key/definition.hpp"
#include "tfplugin/types/codec.hpp"

namespace {

using tfplugin::Type;
using tfplugin::Value;

const tfplugin::Schema& KeySchema() {
    return provider::ApiKeyDefinition().schema;
}

// A plausible value for a configured attribute of the given type.
Value Sample(const std::string& name, const Type& type) {
    if (type == Type::String())
        return Value::String(name == "service_account_id" ? "aje6o61dvog2h6g9a33s" : "a description of " + name);
    if (type == Type::List(Type::String()) || type == Type::Set(Type::String())) {
        std::vector<Value> scopes = {Value::String("yc.monitoring.manage"), Value::String("yc.ydb.topics.manage")};
        return type == Type::List(Type::String()) ? Value::List(Type::String(), std::move(scopes))
                                                  : Value::Set(Type::String(), std::move(scopes));
    }
    return Value::Null(type);
}

// A key being created: what the configuration sets is known, what the cloud will assign unknown.
Value PlannedNewKey() {
    const auto& block = KeySchema().block;
    std::map<std::string, Value> attributes;
    for (const auto& attribute : block.attributes) {
        if (attribute.mode == tfplugin::AttributeMode::kComputed)
            attributes.emplace(attribute.name, Value::Unknown(attribute.type));
        else if (attribute.name == "pgp_key" || attribute.name == "expires_at")
            attributes.emplace(attribute.name, Value::Null(attribute.type));
        else
            attributes.emplace(attribute.name, Sample(attribute.name, attribute.type));
    }
    for (const auto& nested : block.block_types)
        attributes.emplace(nested.type_name, Value::Null(nested.ValueType()));
    return Value::Object(KeySchema().ValueType(), std::move(attributes));
}

void EncodePlannedState(benchmark::State& state) {
    const auto value = PlannedNewKey();
    const auto type = KeySchema().ValueType();
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto encoded = tfplugin::EncodeMsgpack(value, type);
        bytes += encoded.size();
        benchmark::DoNotOptimize(encoded);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(EncodePlannedState);

void DecodePlannedState(benchmark::State& state) {
    const auto type = KeySchema().ValueType();
    const auto encoded = tfplugin::EncodeMsgpack(PlannedNewKey(), type);
    for (auto _ : state) {
        auto decoded = tfplugin::DecodeMsgpack(encoded, type);
        benchmark::DoNotOptimize(decoded);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * encoded.size()));
    state.counters["encoded_bytes"] = static_cast<double>(encoded.size());
}
BENCHMARK(DecodePlannedState);

}  // namespace

BENCHMARK_MAIN();
