#include "widgets/audit/auditworker.h"

#include <QDir>
#include <QIODevice>
#include <QSaveFile>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

// Passes what an export writes on to `target` and counts the records (lines; for CSV, line
// ends outside quoted fields, since a quoted field may hold one). AuditTrail's CSV export
// starts every call with a header row, so for an export made in steps it drops the first
// record of every step but the first: the file gets one header.
class ExportSink final : public QIODevice
{
public:
    ExportSink(QIODevice &target, bool csv) : m_target(target), m_csv(csv)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    // What is written next starts a step; with `dropHeader` its first record is dropped.
    void beginStep(bool dropHeader) { m_dropping = dropHeader; }
    // Records passed on, including a CSV header row.
    qint64 records() const { return m_records; }

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }

    qint64 writeData(const char *data, qint64 length) override
    {
        qint64 offset = 0;
        if (m_dropping) {
            // A header row holds no quotes, so its first line feed ends it.
            const void *lineFeed = std::memchr(data, '\n', size_t(length));
            if (!lineFeed)
                return length;
            offset = static_cast<const char *>(lineFeed) - data + 1;
            m_dropping = false;
        }
        for (qint64 i = offset; i < length; ++i) {
            const char c = data[i];
            if (m_csv && c == '"')
                m_inQuotes = !m_inQuotes; // "" inside a quoted field toggles twice
            else if (c == '\n' && !m_inQuotes)
                ++m_records;
        }
        const qint64 rest = length - offset;
        if (rest > 0 && m_target.write(data + offset, rest) != rest) {
            setErrorString(m_target.errorString());
            return -1;
        }
        return length;
    }

private:
    QIODevice &m_target;
    const bool m_csv;
    bool m_dropping = false;
    bool m_inQuotes = false;
    qint64 m_records = 0;
};

} // namespace

AuditWorker::AuditWorker(Observe::AuditTrail *trail, QObject *parent) : QObject(parent), m_trail(trail) {}

void AuditWorker::startVerify()
{
    QMetaObject::invokeMethod(this, &AuditWorker::verify, Qt::QueuedConnection);
}

void AuditWorker::startExport(const Observe::AuditQuery &query, Format format, const QString &path)
{
    // Cleared here rather than when the run starts, so a cancel that arrives before the
    // worker thread picks the run up is not lost.
    m_cancel.store(false);
    QMetaObject::invokeMethod(this, [this, query, format, path] { exportTo(query, format, path); },
                              Qt::QueuedConnection);
}

void AuditWorker::verify()
{
    Result<Observe::VerifyReport> report = m_trail->verify([this](qint64 checked) { Q_EMIT verifyProgress(checked); });
    if (report)
        Q_EMIT verified(report.value());
    else
        Q_EMIT verifyFailed(report.error());
}

void AuditWorker::exportTo(const Observe::AuditQuery &query, Format format, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT exportFailed(Error::unavailable(
            u"export-open-failed"_s, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())));
        return;
    }
    const bool csv = format == Format::Csv;
    ExportSink sink(file, csv);
    const auto written = [&] { return sink.records() - (csv && sink.records() > 0 ? 1 : 0); };

    Observe::AuditQuery step = query;
    step.newestFirst = false; // a file reads in the order things happened
    step.afterSeq = 0;
    for (bool first = true;; first = false) {
        if (m_cancel.load()) {
            file.cancelWriting();
            Q_EMIT exportCancelled();
            return;
        }
        sink.beginStep(csv && !first);
        qint64 next = 0;
        const Status s = csv ? m_trail->exportCsv(step, sink, m_exportStep, &next)
                             : m_trail->exportJsonLines(step, sink, m_exportStep, &next);
        if (!s) {
            file.cancelWriting();
            Q_EMIT exportFailed(s.error());
            return;
        }
        Q_EMIT exportProgress(written());
        if (next == 0)
            break;
        step.afterSeq = next;
    }
    if (!file.commit()) {
        Q_EMIT exportFailed(Error::unavailable(
            u"export-write-failed"_s, tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())));
        return;
    }
    Q_EMIT exported(written(), path);
}

} // namespace Tenantry::Widgets
