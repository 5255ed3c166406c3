// Internal to datasets/: RAII handles and message helpers shared by the HDF5 head reader and
// writer (HeadFile.cpp, HeadFileWriter.cpp). Includes hdf5.h, so only this library's own sources,
// which have HDF5 on their private include path, may include it.
#pragma once

#include <hdf5.h>

#include <mutex>
#include <string>
#include <vector>

namespace ada::hdf5 {

inline constexpr const char* kFormatName = "adasoftmax-head";

// A serial HDF5 build is not thread-safe, and the studio loads files off the GUI thread: every
// HDF5 call in this library runs under this lock.
std::mutex& mutex();

// Owns one HDF5 identifier and closes it with the matching H5?close on every path.
class Handle {
public:
    using Closer = herr_t (*)(hid_t);
    Handle() = default;
    Handle(hid_t id, Closer closer)
        : id_(id)
        , closer_(closer)
    {
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept
        : id_(other.id_)
        , closer_(other.closer_)
    {
        other.id_ = H5I_INVALID_HID;
    }
    Handle& operator=(Handle&& other) noexcept
    {
        if (this != &other) {
            reset();
            id_ = other.id_;
            closer_ = other.closer_;
            other.id_ = H5I_INVALID_HID;
        }
        return *this;
    }
    ~Handle() { reset(); }

    [[nodiscard]] hid_t get() const { return id_; }
    [[nodiscard]] bool valid() const { return id_ >= 0; }
    // Closes now and reports whether the close succeeded (a file's close flushes it).
    bool close()
    {
        const bool ok = !valid() || closer_(id_) >= 0;
        id_ = H5I_INVALID_HID;
        return ok;
    }

private:
    void reset()
    {
        if (valid())
            closer_(id_);
        id_ = H5I_INVALID_HID;
    }
    hid_t id_ = H5I_INVALID_HID;
    Closer closer_ = nullptr;
};

// Silences HDF5's own printing of its error stack for the scope (we report errors ourselves) and
// restores whatever handler the process had. On leaving it also empties this thread's error
// stack: in the thread-safe libhdf5 (Debian's) each thread has its own stack, whose records hold
// references to HDF5's error classes and messages, and a thread that exits with records on it
// (the studio's worker after a failed read or write) has the stack freed without those references
// being dropped. HDF5 then cannot close its error interface at exit: it prints "infinite loop
// closing library" and leaks its class and message names (LeakSanitizer: H5MM_xstrdup).
class ErrorSilencer {
public:
    ErrorSilencer()
    {
        H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    }
    ~ErrorSilencer()
    {
        H5Eclear2(H5E_DEFAULT);
        H5Eset_auto2(H5E_DEFAULT, func_, data_);
    }
    ErrorSilencer(const ErrorSilencer&) = delete;
    ErrorSilencer& operator=(const ErrorSilencer&) = delete;

private:
    H5E_auto2_t func_ = nullptr;
    void* data_ = nullptr;
};

// The most specific message on HDF5's error stack as " (message)", or "" when there is none;
// call it right after the failing call, before another API call clears the stack.
std::string detail();
// Sizes and values for messages: "3725.29 GiB", "1e+300", "[5, 7]", "int32".
std::string formatBytes(double bytes);
std::string number(double v);
std::string shapeText(const std::vector<hsize_t>& dims);
std::string typeName(hid_t type);

} // namespace ada::hdf5
