// The safetensors reader: files written by make_safetensors_files.py in every dtype read to exactly
// NumPy's values (every finite float16 and bfloat16 included); a sharded checkpoint reached through a
// symlinked index finds its shards and its tied embedding; the head-choice rules; and every refusal,
// with its exact message, on the committed corpus tests/data/bad/safetensors (make_bad.py).
#include "datasets/DatasetError.h"
#include "datasets/Safetensors.h"

#include <QtTest>

#include <cstring>

using namespace ada;

namespace {

template <typename F>
QString errorOf(F&& call)
{
    try {
        call();
    } catch (const DatasetError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool sameBytes(const RowMatrixF& m, const QByteArray& expected)
{
    return expected.size() == qsizetype(sizeof(float) * std::size_t(m.size()))
        && std::memcmp(m.data(), expected.constData(), std::size_t(expected.size())) == 0;
}

// "name:5x7" / "name:5" → a TensorInfo, for the head-choice tests.
std::vector<TensorInfo> tensorsOf(const QStringList& specs)
{
    std::vector<TensorInfo> out;
    for (const QString& spec : specs) {
        const QStringList parts = spec.split(':');
        TensorInfo t{parts[0].toStdString(), "F32", {}, "f"};
        for (const QString& dim : parts[1].split('x'))
            t.shape.push_back(dim.toLongLong());
        out.push_back(t);
    }
    return out;
}

std::string utf8(const QString& s)
{
    return s.toStdString();
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString fixtures_;
    QString skipReason_;
    const QString bad_ = QStringLiteral(BAD_SAFETENSORS_DIR);

    std::string fixture(const QString& name) const { return utf8(fixtures_ + '/' + name); }
    std::string sharded() const { return fixture("elsewhere/linked.index.json"); }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString python = QStringLiteral(FIXTURE_PYTHON);
        if (python.isEmpty()) {
            skipReason_ = "no Python 3 with numpy was found at configure time";
            return;
        }
        fixtures_ = dir_.filePath("fixtures");
        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(python, {QStringLiteral(FIXTURE_SCRIPT), fixtures_});
        QVERIFY2(script.waitForFinished(60000), "make_safetensors_files.py did not finish");
        QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
                 script.readAll().constData());
    }

    void dtypes_data()
    {
        QTest::addColumn<QString>("dtype");
        for (const char* dtype : {"F32", "F16", "BF16", "F64"})
            QTest::newRow(dtype) << dtype;
    }
    void dtypes()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        QFETCH(QString, dtype);
        const QString file = dtype.toLower() + ".safetensors";
        const std::string path = fixture(file);
        QVERIFY(looksLikeSafetensors(path));
        const Dataset ds = readSafetensorsHead(path);
        QCOMPARE(ds.name, path);
        QCOMPARE(ds.head.arms(), 5);
        QCOMPARE(ds.head.dim(), 7);
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 7; ++j)
                QCOMPARE(ds.head.weight(i, j), float(i * 0.5 - j * 0.25));
        QCOMPARE(ds.head.bias.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(ds.head.bias[i], float(i * 0.25 - 1));
        QCOMPARE(ds.queryCount(), 0);
        QCOMPARE(ds.head.temperature, 1.0);
        QCOMPARE(QString::fromStdString(ds.model), "tiny-" + dtype.toLower());
        QCOMPARE(QString::fromStdString(ds.description),
                 "lm_head.weight (" + dtype + ", 5 × 7) with bias lm_head.bias from " + file);
        ds.validate();
        // Any 2-D tensor by name: the embedding holds −W.
        QCOMPARE(readSafetensorsMatrix(path, "model.embed_tokens.weight", {}), RowMatrixF(-ds.head.weight));
    }

    void everyValue_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<QString>("expected");
        QTest::newRow("every finite float16") << "all_f16.safetensors"
                                              << "all"
                                              << "all_f16.f32";
        QTest::newRow("every finite bfloat16") << "all_bf16.safetensors"
                                               << "all"
                                               << "all_bf16.f32";
        QTest::newRow("random float32") << "random.safetensors"
                                        << "f32"
                                        << "random_f32.f32";
        QTest::newRow("random float64, rounded") << "random.safetensors"
                                                 << "f64"
                                                 << "random_f64.f32";
    }
    void everyValue()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        QFETCH(QString, file);
        QFETCH(QString, tensor);
        QFETCH(QString, expected);
        // Bit for bit against NumPy's own conversion: signed zeros, subnormals and rounding included.
        const RowMatrixF m = readSafetensorsMatrix(fixture(file), utf8(tensor), {});
        QVERIFY(sameBytes(m, contents(fixtures_ + '/' + expected)));
    }

    void shardedThroughSymlink()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        const std::string path = sharded();
        QVERIFY(QFileInfo(QString::fromStdString(path)).isSymLink());
        QVERIFY(looksLikeSafetensors(path));
        const HeadTensorChoice choice = chooseHeadTensor(listSafetensors(path), "", path);
        QCOMPARE(choice.name, std::string("model.embed_tokens.weight"));
        QVERIFY(choice.tiedEmbedding);

        const Dataset ds = readSafetensorsHead(path);
        QCOMPARE(ds.name, path);
        QCOMPARE(ds.head.arms(), 6);
        QCOMPARE(ds.head.dim(), 4);
        for (int i = 0; i < 6; ++i)
            for (int j = 0; j < 4; ++j)
                QCOMPARE(ds.head.weight(i, j), float(i - j * 0.5));
        QVERIFY(!ds.head.hasBias());
        QCOMPARE(ds.model, std::string("tiny-sharded"));
        QCOMPARE(ds.description,
                 std::string("tied input embedding model.embed_tokens.weight (F32, 6 × 4) "
                             "from model-00001-of-00002.safetensors"));
    }

    void listing()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        // Sharded: the weight_map's tensors (not the unlisted one), sorted, each with its real shard.
        const QString ckpt = QFileInfo(fixtures_ + "/ckpt").canonicalFilePath();
        const QString shard1 = ckpt + "/model-00001-of-00002.safetensors";
        const QString shard2 = ckpt + "/model-00002-of-00002.safetensors";
        QStringList got;
        for (const TensorInfo& t : listSafetensors(sharded()))
            got << QString::fromStdString(t.name + " " + t.dtype + " " + shapeText(t.shape) + " " + t.file);
        QCOMPARE(got,
                 (QStringList{"model.embed_tokens.weight F32 6 × 4 " + shard1,
                              "model.layers.0.attn.weight F16 4 × 4 " + shard2,
                              "model.layers.0.mlp.weight BF16 4 × 4 " + shard1,
                              "model.norm.weight F32 [4] " + shard2}));
        // Single file: the path as given.
        got.clear();
        const std::string single = fixture("bf16.safetensors");
        for (const TensorInfo& t : listSafetensors(single)) {
            QCOMPARE(t.file, single);
            got << QString::fromStdString(t.name + " " + t.dtype + " " + shapeText(t.shape));
        }
        QCOMPARE(
            got,
            (QStringList{"final_logits_bias BF16 [5]", "lm_head.bias BF16 [5]", "lm_head.weight BF16 5 × 7",
                         "model.embed_tokens.weight BF16 5 × 7", "model.norm.weight BF16 [7]"}));
    }

    void explicitChoices()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        TensorFileOptions options;
        options.tensor = "model.layers.0.attn.weight";
        Dataset ds = readSafetensorsHead(sharded(), options);
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j)
                QCOMPARE(ds.head.weight(i, j), float((i - j) / 8.0));
        QCOMPARE(
            ds.description,
            std::string("model.layers.0.attn.weight (F16, 4 × 4) from model-00002-of-00002.safetensors"));
        options.tensor = "model.layers.0.mlp.weight";
        ds = readSafetensorsHead(sharded(), options);
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j)
                QCOMPARE(ds.head.weight(i, j), float(i * 4 + j));

        // An explicit bias replaces lm_head.bias; an explicit embedding is still called tied.
        options = {};
        options.tensor = "model.embed_tokens.weight";
        options.bias = "final_logits_bias";
        ds = readSafetensorsHead(fixture("f64.safetensors"), options);
        QCOMPARE(ds.head.weight(4, 0), -2.0f);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(ds.head.bias[i], float(8 - i));
        QCOMPARE(ds.description,
                 std::string("tied input embedding model.embed_tokens.weight (F64, 5 × 7) "
                             "with bias final_logits_bias from f64.safetensors"));
    }

    void memoryLimit()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        const std::string path = fixture("f16.safetensors");
        TensorFileOptions options;
        options.limits.maxBytes = 159; // W 5·7·4 + bias 5·4 = 160 bytes as float32
        QCOMPARE(errorOf([&] { (void)readSafetensorsHead(path, options); }),
                 QString::fromStdString(path)
                     + ": lm_head.weight (5 × 7 as float32) with lm_head.bias would need 160 bytes of "
                       "memory, more than the limit of 159 bytes");
        options.limits.maxBytes = 160;
        QCOMPARE(readSafetensorsHead(path, options).head.arms(), 5);
    }

    // A [5, 0] tensor holds no values: it reads as an empty matrix, and a head refuses it. (The
    // reader used to take cols == 0 for a vector and convert five values into the empty matrix.)
    void zeroColumnsReadNothing()
    {
        for (const char* dtype : {"F32", "F64"}) {
            const QByteArray header
                = QByteArray("{\"w\":{\"dtype\":\"") + dtype + "\",\"shape\":[5,0],\"data_offsets\":[0,0]}}";
            QByteArray bytes(8, '\0');
            for (int i = 0; i < 8; ++i)
                bytes[i] = char((header.size() >> (8 * i)) & 0xff);
            const QString name = dir_.filePath(QStringLiteral("zero_cols_%1.safetensors").arg(dtype));
            QFile f(name);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes + header) == 8 + header.size());
            f.close();
            const RowMatrixF m = readSafetensorsMatrix(utf8(name), "w", {});
            QCOMPARE(m.rows(), Eigen::Index(5));
            QCOMPARE(m.cols(), Eigen::Index(0));
            const QString error = errorOf([&] { (void)readSafetensorsHead(utf8(name)); });
            QVERIFY2(error.contains(QStringLiteral("5 × 0")), qPrintable(error));
        }
    }

    void detection()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        for (const char* yes :
             {"f32.safetensors", "random.safetensors", "ckpt/model-00002-of-00002.safetensors",
              "ckpt/model.safetensors.index.json", "elsewhere/linked.index.json"})
            QVERIFY2(looksLikeSafetensors(fixture(yes)), yes);
        for (const char* no :
             {"config.index.json", "notes.txt", "all_f16.f32", "ckpt", "nothing.safetensors"})
            QVERIFY2(!looksLikeSafetensors(fixture(no)), no);
    }

    void detectionOnCorpus()
    {
        // A truncated file still looks like one (so its reader can say "truncated"); others do not.
        for (const char* yes : {"header_truncated.safetensors", "data_truncated.safetensors",
                                "bad_json.safetensors", "missing_shard.index.json"})
            QVERIFY2(looksLikeSafetensors(utf8(bad_ + '/' + yes)), yes);
        for (const char* no :
             {"empty.safetensors", "short.safetensors", "not_safetensors.safetensors", "no_brace.safetensors",
              "zero_header.safetensors", "no_weight_map.index.json", "bad_json.index.json", "expected.txt"})
            QVERIFY2(!looksLikeSafetensors(utf8(bad_ + '/' + no)), no);
    }

    void choice_data()
    {
        QTest::addColumn<QStringList>("tensors");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<QString>("error"); // after "f: "
        const QStringList llama{"model.embed_tokens.weight:10x4", "model.layers.0.mlp.up_proj.weight:16x4",
                                "model.norm.weight:4"};
        QTest::newRow("lm_head first") << (llama + QStringList{"lm_head.weight:10x4"}) << ""
                                       << "lm_head.weight" << false << "";
        QTest::newRow("llama, tied") << llama << ""
                                     << "model.embed_tokens.weight" << true << "";
        QTest::newRow("gpt2") << QStringList{"transformer.wpe.weight:8x4", "transformer.wte.weight:10x4",
                                             "transformer.h.0.attn.c_attn.weight:4x12"}
                              << ""
                              << "transformer.wte.weight" << true << "";
        QTest::newRow("list order") << QStringList{"wte.weight:10x4", "gpt_neox.embed_in.weight:10x4",
                                                   "token_embd.weight:10x4"}
                                    << ""
                                    << "token_embd.weight" << true << "";
        QTest::newRow("pythia, untied")
            << QStringList{"gpt_neox.embed_in.weight:10x4", "embed_out.weight:10x4"} << ""
            << "embed_out.weight" << false << "";
        QTest::newRow("opt") << QStringList{"model.decoder.embed_tokens.weight:10x4", "x:2x2"} << ""
                             << "model.decoder.embed_tokens.weight" << true << "";
        QTest::newRow("suffix, sorted")
            << QStringList{"encoder.embed_tokens.weight:10x4", "decoder.embed_tokens.weight:10x4", "x:3x3"}
            << ""
            << "decoder.embed_tokens.weight" << true << "";
        QTest::newRow("suffix order")
            << QStringList{"a.word_embeddings.weight:10x4", "b.wte.weight:10x4"} << ""
            << "b.wte.weight" << true << "";
        QTest::newRow("bert") << QStringList{"bert.embeddings.word_embeddings.weight:30x8",
                                             "bert.pooler.dense.weight:8x8"}
                              << ""
                              << "bert.embeddings.word_embeddings.weight" << true << "";
        QTest::newRow("only matrix") << QStringList{"classifier.weight:10x4", "classifier.bias:10"} << ""
                                     << "classifier.weight" << false << "";
        QTest::newRow("1-D names skipped")
            << QStringList{"lm_head.weight:40", "model.embed_tokens.weight:40", "proj:5x2"} << ""
            << "proj" << false << "";
        QTest::newRow("requested") << (llama + QStringList{"lm_head.weight:10x4"})
                                   << "model.layers.0.mlp.up_proj.weight"
                                   << "model.layers.0.mlp.up_proj.weight" << false << "";
        QTest::newRow("requested embedding")
            << (llama + QStringList{"lm_head.weight:10x4"}) << "model.embed_tokens.weight"
            << "model.embed_tokens.weight" << true << "";
        QTest::newRow("requested missing")
            << llama << "lm_head.weight"
            << "" << false
            << "no tensor named 'lm_head.weight'; the 2-D tensors are: model.embed_tokens.weight (10 × 4), "
               "model.layers.0.mlp.up_proj.weight (16 × 4)";
        QTest::newRow("requested 1-D")
            << llama << "model.norm.weight"
            << "" << false
            << "tensor 'model.norm.weight' has shape [4], not 2-D; the 2-D tensors are: "
               "model.embed_tokens.weight (10 × 4), model.layers.0.mlp.up_proj.weight (16 × 4)";
        QTest::newRow("none")
            << QStringList{"b:2x2", "a:3x2", "c:7"} << ""
            << "" << false
            << "found no lm_head.weight, no input embedding and no single 2-D tensor to use "
               "as the head; the 2-D tensors are: a (3 × 2), b (2 × 2); pass the head "
               "tensor by name";
        QTest::newRow("empty") << QStringList{} << ""
                               << "" << false
                               << "found no lm_head.weight, no input embedding and no single 2-D tensor to "
                                  "use as the head; there are no 2-D tensors";
        QStringList many;
        for (int i = 0; i < 25; ++i)
            many << QString("t%1:2x2").arg(i, 2, 10, QChar('0'));
        QString listed;
        for (int i = 0; i < 20; ++i)
            listed += QString("%1t%2 (2 × 2)").arg(i ? ", " : "").arg(i, 2, 10, QChar('0'));
        QTest::newRow("long list")
            << many << ""
            << "" << false
            << "found no lm_head.weight, no input embedding and no single 2-D tensor to "
               "use as the head; the 2-D tensors are: "
                + listed + ", … and 5 more; pass the head tensor by name";
    }
    void choice()
    {
        QFETCH(QStringList, tensors);
        QFETCH(QString, requested);
        QFETCH(QString, chosen);
        QFETCH(bool, tied);
        QFETCH(QString, error);
        const auto infos = tensorsOf(tensors);
        if (!error.isEmpty()) {
            QCOMPARE(errorOf([&] { (void)chooseHeadTensor(infos, utf8(requested), "f"); }), "f: " + error);
            return;
        }
        const HeadTensorChoice c = chooseHeadTensor(infos, utf8(requested), "f");
        QCOMPARE(QString::fromStdString(c.name), chosen);
        QCOMPARE(c.tiedEmbedding, tied);
    }

    void badCorpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("message");
        QFile expected(bad_ + "/expected.txt");
        QVERIFY2(expected.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(expected.fileName()));
        const QString dir = QFileInfo(bad_).canonicalFilePath();
        int rows = 0;
        for (const QString& line : QString::fromUtf8(expected.readAll()).split('\n', Qt::SkipEmptyParts)) {
            if (line.startsWith('#'))
                continue;
            const QStringList parts = line.split('\t');
            QCOMPARE(parts.size(), 3);
            const QString path = bad_ + '/' + parts[0];
            QString message = parts[2];
            message.replace("{path}", path).replace("{dir}", dir);
            QTest::addRow("%s: %s", qPrintable(parts[0]), qPrintable(parts[1]))
                << path << parts[1] << message;
            ++rows;
        }
        QVERIFY(rows >= 40);
    }
    void badCorpus()
    {
        QFETCH(QString, file);
        QFETCH(QString, call);
        QFETCH(QString, message);
        const QStringList words = call.split(' ');
        TensorFileOptions options;
        for (const QString& word : words.mid(1)) {
            const QString key = word.section('=', 0, 0), value = word.section('=', 1);
            if (key == "tensor")
                options.tensor = utf8(value);
            else if (key == "bias")
                options.bias = utf8(value);
            else if (key == "maxBytes")
                options.limits.maxBytes = value.toULongLong();
            else
                QFAIL(qPrintable("unknown key in expected.txt: " + word));
        }
        const std::string path = utf8(file);
        (void)looksLikeSafetensors(path); // never throws, whatever the file
        const QString error = errorOf([&] {
            if (words[0] == "list")
                (void)listSafetensors(path);
            else if (words[0] == "head")
                (void)readSafetensorsHead(path, options);
            else if (words[0] == "matrix")
                (void)readSafetensorsMatrix(path, options.tensor, options.limits);
            else
                QFAIL(qPrintable("unknown call in expected.txt: " + call));
        });
        QCOMPARE(error, message);
    }

    void corpusIsComplete()
    {
        // Every committed file is exercised by some line of expected.txt (shards by their index).
        const QString expected = QString::fromUtf8(contents(bad_ + "/expected.txt"));
        const QStringList files = QDir(bad_).entryList({"*.safetensors", "*.index.json"}, QDir::Files);
        QVERIFY(files.size() >= 35);
        for (const QString& f : files)
            QVERIFY2(expected.contains(f), qPrintable(f));
    }

    void unconvertibleDtypesStillList()
    {
        // Listing a checkpoint must not fail on tensors it would never convert.
        auto listed = listSafetensors(utf8(bad_ + "/unsupported_i8.safetensors"));
        QCOMPARE(listed.size(), std::size_t(1));
        QCOMPARE(listed[0].dtype, std::string("I8"));
        QCOMPARE(listed[0].shape, (std::vector<std::int64_t>{3, 4}));
        listed = listSafetensors(utf8(bad_ + "/unknown_dtype.safetensors"));
        QCOMPARE(listed[0].dtype, std::string("F4"));
    }

    void missingAndDirectories()
    {
        const std::string missing = utf8(dir_.filePath("nothing.safetensors"));
        QCOMPARE(errorOf([&] { (void)readSafetensorsHead(missing); }),
                 QString::fromStdString(missing) + ": no such file");
        const std::string missingIndex = utf8(dir_.filePath("nothing.index.json"));
        QCOMPARE(errorOf([&] { (void)listSafetensors(missingIndex); }),
                 QString::fromStdString(missingIndex) + ": no such file");
        const std::string dir = utf8(dir_.path());
        QCOMPARE(errorOf([&] { (void)listSafetensors(dir); }),
                 QString::fromStdString(dir) + ": is a directory, not a safetensors file");
    }
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
