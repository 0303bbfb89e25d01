# Shared by the scripts: configures (once) and builds the project into the given directory.
build_project() {
    local dir="$1"
    if [[ ! -f "$dir/build.ninja" ]]; then
        cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARNINGS_AS_ERRORS=ON >/dev/null
    fi
    cmake --build "$dir" -j "$(nproc)"
}
