// Hugging Face safetensors checkpoints (single files and sharded ones with an *.index.json) as a
// model head: a read-only, memory-mapped reader that bounds-checks every offset and size the file
// declares before using it, and converts F32 / F16 / BF16 / F64 to float32.
//
// Format: an 8-byte little-endian header length N, N bytes of JSON
// {"name": {"dtype": "F32", "shape": [n, d], "data_offsets": [begin, end]}, "__metadata__": {...}},
// then the data section, which the offsets index. A sharded checkpoint's index is
// {"metadata": {...}, "weight_map": {"name": "shard file name", ...}}, with shard names relative to
// the index file's real location.
#pragma once

#include "TensorFile.h"

#include <string>
#include <string_view>
#include <vector>

namespace ada {

// True when `path` names a safetensors file (by content: the 8-byte little-endian header length
// followed by '{'), or a *.index.json whose JSON has a "weight_map" object. Never throws.
[[nodiscard]] bool looksLikeSafetensors(const std::string& path);

// Every tensor of a single file, or of all shards of a sharded checkpoint (path = the index json),
// sorted by name. Each header is fully validated. Throws DatasetError.
[[nodiscard]] std::vector<TensorInfo> listSafetensors(const std::string& path);

struct HeadTensorChoice {
    std::string name;
    bool tiedEmbedding = false; // the input embedding, reused as the output layer
};

// Picks the head among `tensors`: `requested` if non-empty (must exist and be 2-D); else
// "lm_head.weight" or "embed_out.weight" (GPT-NeoX); else a tied input embedding (well-known names
// first, then any name ending in "embed_tokens.weight", "wte.weight" or "word_embeddings.weight");
// else the only 2-D tensor. Only 2-D tensors qualify. Throws DatasetError "<path>: …" listing the
// 2-D tensors when none fits. tiedEmbedding is true for an input embedding, requested or not.
[[nodiscard]] HeadTensorChoice chooseHeadTensor(const std::vector<TensorInfo>& tensors,
                                                std::string_view requested, const std::string& path);

// One 2-D tensor as float32, row-major. The memory limit is checked before allocating; every value
// must be finite (and, from F64, within the float32 range). Throws DatasetError.
[[nodiscard]] RowMatrixF readSafetensorsMatrix(const std::string& path, const std::string& tensor,
                                               const ReadLimits& limits);

// The head W (chooseHeadTensor(options.tensor)) with its bias (options.bias, else "lm_head.bias" when
// present with n entries). No queries. name = path; model from __metadata__ (or the index's
// "metadata") when it has a "model", "model_name", "name", "base_model" or "_name_or_path" string.
[[nodiscard]] Dataset readSafetensorsHead(const std::string& path, const TensorFileOptions& options = {});

} // namespace ada
