# Fails when a C++ source under the given directories differs from what clang-format makes of it
# with the repository's .clang-format. Run as: cmake -DSOURCE_DIR=... -P CheckFormat.cmake
find_program(CLANG_FORMAT clang-format REQUIRED)
set(sources)
foreach(part test_support tfplugin client resources tools acceptance-tests bench)
    file(GLOB_RECURSE found "${SOURCE_DIR}/${part}/*.cpp" "${SOURCE_DIR}/${part}/*.hpp")
    list(APPEND sources ${found})
endforeach()
execute_process(
    COMMAND ${CLANG_FORMAT} --dry-run -Werror ${sources}
    WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE result)
list(LENGTH sources count)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "clang-format: files above differ from .clang-format (run clang-format -i on them)")
endif()
message(STATUS "clang-format: ${count} files follow .clang-format")
