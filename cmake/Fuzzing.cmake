# ENABLE_FUZZERS builds the libFuzzer targets (scripts/fuzz builds and runs them). libFuzzer comes
# with clang (Debian's libclang-rt-14-dev), so the option needs clang:
#   cmake -DCMAKE_CXX_COMPILER=clang++-14 -DENABLE_FUZZERS=ON -DSANITIZE=address,undefined ...
# Each target lives in a fuzz/ folder of the layer it exercises, with its seed corpus in
# fuzz/corpus/<target>/. The libraries a target exercises are compiled with
# -fsanitize=fuzzer-no-link (coverage feedback for libFuzzer); everything else stays as it is.
option(ENABLE_FUZZERS "Build the libFuzzer targets (needs clang); see scripts/fuzz" OFF)

if(ENABLE_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR
            "ENABLE_FUZZERS=ON needs clang, which ships libFuzzer, but the C++ compiler is "
            "${CMAKE_CXX_COMPILER_ID} (${CMAKE_CXX_COMPILER}). Configure a fresh build folder with "
            "-DCMAKE_CXX_COMPILER=clang++-14, or run scripts/fuzz, which does.")
    endif()
    # Every fuzz target is a dependency of this one, so a build can ask for them all by name.
    add_custom_target(fuzz_targets)
    # scripts/fuzz reads this list: one "<target> <binary> <seed corpus>" line per target.
    set(FUZZ_MANIFEST ${PROJECT_BINARY_DIR}/fuzz/targets.txt)
    file(WRITE ${FUZZ_MANIFEST} "")
endif()

# add_fuzz_target(<name> SOURCES ... LIBS ... INSTRUMENT <libraries exercised>)
# The seed corpus is ${CMAKE_CURRENT_SOURCE_DIR}/corpus/<name>.
function(add_fuzz_target name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;INSTRUMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${name} PRIVATE ${ARG_LIBS})
    project_warnings(${name})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/fuzz)
    foreach(library IN LISTS ARG_INSTRUMENT)
        # Several targets may share a library: instrument it once.
        get_target_property(options ${library} COMPILE_OPTIONS)
        if(NOT options OR NOT "-fsanitize=fuzzer-no-link" IN_LIST options)
            target_compile_options(${library} PRIVATE -fsanitize=fuzzer-no-link)
        endif()
    endforeach()
    add_dependencies(fuzz_targets ${name})
    file(APPEND ${FUZZ_MANIFEST} "${name} ${PROJECT_BINARY_DIR}/fuzz/${name} ${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name}\n")
endfunction()
