// The studio's dialog for safetensors and NumPy heads (TensorFileDialog): it lists the file's 2-D
// tensors with the loader's pick preselected, refuses to open a query-less head until a queries file
// is given, and its dataset name loads through the same loader as the CLI.
#include "app/studio/TensorFileDialog.h"
#include "datasets/DatasetLoader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdint>
#include <cstring>
#include <vector>

using namespace ada;

namespace {

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray floatBytes(const std::vector<float>& values)
{
    return QByteArray(reinterpret_cast<const char*>(values.data()),
                      static_cast<qsizetype>(values.size() * sizeof(float)));
}

// A safetensors file: 8-byte little-endian header length, the JSON header, the data (x86 is little-endian).
QByteArray safetensors(const QByteArray& header, const QByteArray& data)
{
    const std::uint64_t length = static_cast<std::uint64_t>(header.size());
    QByteArray out(reinterpret_cast<const char*>(&length), 8);
    return out + header + data;
}

// A version 1.0 .npy of float32 in C order.
QByteArray npy(int rows, int cols, const std::vector<float>& values)
{
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2), }")
                            .arg(rows)
                            .arg(cols)
                            .toLatin1();
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    const auto length = static_cast<std::uint16_t>(header.size());
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out += QByteArray(reinterpret_cast<const char*>(&length), 2);
    return out + header + floatBytes(values);
}

} // namespace

class TestTensorFileDialog : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString head_, queries_;

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        head_ = dir_.filePath("model.safetensors");
        queries_ = dir_.filePath("hidden.npy");
        // lm_head.weight (4 × 3) and a 1-D norm weight that must not be offered as a head.
        const QByteArray header
            = R"({"lm_head.weight":{"dtype":"F32","shape":[4,3],"data_offsets":[0,48]},)"
              R"("model.norm.weight":{"dtype":"F32","shape":[3],"data_offsets":[48,60]}})";
        std::vector<float> w(12);
        for (int i = 0; i < 12; ++i)
            w[static_cast<std::size_t>(i)] = 0.25f * float(i % 5) - 0.5f;
        writeBytes(head_, safetensors(header, floatBytes(w) + floatBytes({1.f, 1.f, 1.f})));
        writeBytes(queries_, npy(2, 3, {1.f, 0.f, 2.f, -1.f, 0.5f, 0.f}));
    }

    void wantedByContent()
    {
        QVERIFY(TensorFileDialog::wanted(head_));
        QVERIFY(TensorFileDialog::wanted(queries_));
        const QString text = dir_.filePath("notes.safetensors");
        writeBytes(text, "plain text, whatever the name says\n");
        QVERIFY(!TensorFileDialog::wanted(text));
    }

    void offersTwoDimensionalTensorsAndNeedsQueries()
    {
        FileDatasetName name;
        name.path = head_.toStdString();
        const FileListing listing = listFile(name);
        QVERIFY2(listing.error.empty(), listing.error.c_str());
        TensorFileDialog dialog(listing, true);
        auto* tensor = dialog.findChild<QComboBox*>();
        auto* queries = dialog.findChild<QLineEdit*>();
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(tensor && queries && buttons);
        QCOMPARE(tensor->count(), 1); // the 1-D norm weight is not a head
        QCOMPARE(tensor->currentData().toString(), QString("lm_head.weight"));
        QVERIFY(!buttons->button(QDialogButtonBox::Open)->isEnabled()); // no queries yet
        queries->setText(queries_);
        QVERIFY(buttons->button(QDialogButtonBox::Open)->isEnabled());
        const QString datasetName = dialog.datasetName();
        QCOMPARE(datasetName, head_ + "?tensor=lm_head.weight&queries=" + queries_);

        const Dataset ds = loadDataset(datasetName.toStdString(), ReadLimits{});
        QCOMPARE(ds.head.arms(), Eigen::Index(4));
        QCOMPARE(ds.head.dim(), Eigen::Index(3));
        QCOMPARE(ds.queries.rows(), Eigen::Index(2));
        QCOMPARE(ds.head.weight(1, 0), 0.25f * 3.f - 0.5f);
        QCOMPARE(ds.queries(1, 1), 0.5f);
    }

    void badFileGoesToTheLoadersError()
    {
        // A truncated header: no dialog, the path goes on to the loader, which names the problem.
        const QString bad = dir_.filePath("truncated.safetensors");
        writeBytes(bad,
                   safetensors(R"({"lm_head.weight":{"dtype":"F32","shape":[4,3],"data_offsets":[0,48]}})",
                               QByteArray(10, '\0')));
        QCOMPARE(TensorFileDialog::choose(bad, nullptr), bad);
        bool refused = false;
        try {
            (void)loadDataset(bad.toStdString(), ReadLimits{});
        } catch (const std::exception& e) {
            refused = QString::fromUtf8(e.what()).contains(bad);
        }
        QVERIFY(refused);
    }
};

QTEST_MAIN(TestTensorFileDialog)
#include "tst_tensorfiledialog.moc"
