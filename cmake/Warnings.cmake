# Warning flags for every target of our own. Generated protobuf code is compiled without them
# (see tfplugin/server/proto), because we cannot change what protoc writes.
option(WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)

function(project_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
        -Wimplicit-fallthrough -Wformat=2 -Wcast-qual -Wmissing-declarations)
    if(WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
