// A std::vector for per-query scratch that is written before it is read: resizing it leaves new
// elements of trivial types uninitialised instead of zeroing them. At n = 341 479 arms (GloVe) the
// zeroing of a handful of per-query arrays cost about a millisecond per query, as much as a tenth
// of the adaptive path's pulls.
#pragma once

#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace ada {

template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
    using value_type = T;
    DefaultInitAllocator() noexcept = default;
    template <typename U>
    DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept
    {
    }
    template <typename U>
    struct rebind {
        using other = DefaultInitAllocator<U>;
    };
    // Value-initialisation (zeroing) becomes default-initialisation; explicit values are kept.
    template <typename U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args)
    {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

template <typename T>
using ScratchVector = std::vector<T, DefaultInitAllocator<T>>;

} // namespace ada
