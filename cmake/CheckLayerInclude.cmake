# One probe of the layering (cmake/Layers.cmake), run by CTest: with the include path a target
# compiles with, ALLOWED (a header of its own layer) must compile and each of FORBIDDEN (headers
# of layers it must not use) must fail for the one right reason, that the file is not found.
#
#   cmake -DCOMPILER=... -DINCLUDE_DIRS=<a|b|...> -DALLOWED=<header> -DFORBIDDEN=<a|b|...>
#         -DWORK_DIR=<dir> -P CheckLayerInclude.cmake
string(REPLACE "|" ";" INCLUDE_DIRS "${INCLUDE_DIRS}")
string(REPLACE "|" ";" FORBIDDEN "${FORBIDDEN}")
set(flags -std=c++20 -fsyntax-only)
foreach(directory IN LISTS INCLUDE_DIRS)
    list(APPEND flags -I${directory})
endforeach()
file(MAKE_DIRECTORY ${WORK_DIR})

function(compile header out_result out_output)
    string(MAKE_C_IDENTIFIER ${header} name)
    set(probe ${WORK_DIR}/${name}.cpp)
    file(WRITE ${probe} "#include \"${header}\"\n")
    execute_process(COMMAND ${COMPILER} ${flags} ${probe} RESULT_VARIABLE result OUTPUT_VARIABLE output
                    ERROR_VARIABLE output)
    set(${out_result} ${result} PARENT_SCOPE)
    set(${out_output} "${output}" PARENT_SCOPE)
endfunction()

compile(${ALLOWED} result output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${ALLOWED} should compile with this include path, but:\n${output}")
endif()
foreach(header IN LISTS FORBIDDEN)
    compile(${header} result output)
    if(result EQUAL 0)
        message(FATAL_ERROR "${header} compiles with this include path: a wrong-way include would build")
    endif()
    # gcc: "x.hpp: No such file or directory"; clang: "'x.hpp' file not found".
    if(NOT output MATCHES "${header}: No such file or directory" AND NOT output MATCHES "'${header}' file not found")
        message(FATAL_ERROR "${header} failed to compile, but not because it is out of reach:\n${output}")
    endif()
    message(STATUS "out of reach, as it should be: ${header}")
endforeach()
