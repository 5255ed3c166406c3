#include "MappedFile.h"

#include "DatasetError.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace ada {

MappedFile::MappedFile(const std::string& path, const std::string& kind)
    : path_(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK); // a FIFO must not block
    if (fd < 0)
        throw DatasetError(path + ": "
                           + (errno == ENOENT
                                  ? std::string("no such file")
                                  : "cannot open the file (" + std::generic_category().message(errno) + ")"));
    struct stat st { };
    std::string problem;
    if (::fstat(fd, &st) != 0)
        problem = "cannot read the file's size (" + std::generic_category().message(errno) + ")";
    else if (S_ISDIR(st.st_mode))
        problem = "is a directory, not a " + kind + " file";
    else if (!S_ISREG(st.st_mode))
        problem = "is not a regular file";
    if (problem.empty() && st.st_size > 0) {
        size_ = static_cast<std::uint64_t>(st.st_size);
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED)
            problem = "cannot map the file into memory (" + std::generic_category().message(errno) + ")";
        else
            data_ = static_cast<const unsigned char*>(p);
    }
    ::close(fd);
    if (!problem.empty()) // nothing is mapped then
        throw DatasetError(path + ": " + problem);
}

MappedFile::~MappedFile()
{
    if (data_)
        ::munmap(const_cast<unsigned char*>(data_), size_);
}

} // namespace ada
