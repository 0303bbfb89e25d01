# SANITIZE instruments every target of the project, libraries, executables, tests and the
# generated protobuf code alike, so a finding in any layer is reported with our own frames:
#   cmake -DSANITIZE=address,undefined ...   (scripts/sanitize address, with clang++-14)
#   cmake -DSANITIZE=thread ...              (scripts/sanitize thread)
# Empty (the default) leaves the everyday build exactly as it was. Libraries from Debian (gRPC,
# protobuf, curl, OpenSSL) stay uninstrumented; see scripts/sanitize for how that is handled.
set(SANITIZE "" CACHE STRING "Sanitizers for every target, comma-separated: address,undefined or thread (empty: none)")

if(SANITIZE)
    string(REPLACE "," ";" sanitizers "${SANITIZE}")
    foreach(sanitizer IN LISTS sanitizers)
        if(NOT sanitizer MATCHES "^(address|undefined|thread|leak)$")
            message(FATAL_ERROR "SANITIZE: unknown sanitizer '${sanitizer}' (address, undefined, thread, leak)")
        endif()
    endforeach()
    if("thread" IN_LIST sanitizers AND ("address" IN_LIST sanitizers OR "leak" IN_LIST sanitizers))
        message(FATAL_ERROR "SANITIZE: thread cannot be combined with address or leak")
    endif()

    # Frame pointers keep the sanitizers' stack traces complete at any optimisation level.
    add_compile_options(-fsanitize=${SANITIZE} -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${SANITIZE})
    if("undefined" IN_LIST sanitizers)
        # Undefined behaviour aborts the process instead of printing and carrying on, so every
        # finding fails the test (or crashes the plugin) rather than scrolling past in a log.
        add_compile_options(-fno-sanitize-recover=undefined)
    endif()
    message(STATUS "Sanitizers: ${SANITIZE} on every target")
endif()
