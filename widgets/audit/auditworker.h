#pragma once

#include "core/base/error.h"
#include "core/observe/audittrail.h"

#include <QObject>
#include <QString>

#include <algorithm>
#include <atomic>

namespace Tenantry::Widgets {

// The slow audit work the console must not do on its GUI thread: verifying the whole chain
// and exporting entries to a file. Lives on a worker thread of its own (moveToThread) and is
// driven by queued calls; each run reports through its signals, which reach the GUI thread
// queued. Keep one worker thread for the page's lifetime rather than one thread per run: the
// catalog keeps one connection per thread, so a thread per run would leave a connection
// behind each time.
//
// Does not own the trail; it must outlive the worker.
class AuditWorker final : public QObject
{
    Q_OBJECT

public:
    enum class Format { Csv, JsonLines };

    // Entries per export step (by default): progress is reported, and cancellation
    // honoured, between steps.
    static constexpr qint64 kExportStep = 1000;

    explicit AuditWorker(Observe::AuditTrail *trail, QObject *parent = nullptr);

    // Entries per export step, at least 1. Set before starting an export.
    void setExportStep(qint64 entries) { m_exportStep = std::max<qint64>(1, entries); }

    // Queue a run on the worker's thread. Thread-safe.
    void startVerify();
    void startExport(const Observe::AuditQuery &query, Format format, const QString &path);
    // Asks the export started last to stop after its current step. Thread-safe.
    void cancelExport() { m_cancel.store(true); }

    // The runs themselves, on the calling thread.
    //
    // Runs AuditTrail::verify(); reports verifyProgress while it reads, then verified or
    // verifyFailed.
    void verify();
    // Writes the entries matching `query`'s filters, oldest first, to `path` as CSV (one header
    // row) or JSON lines. The file is replaced only when every entry was written: it is
    // written to a temporary file that is renamed at the end (QSaveFile), so a failed or
    // cancelled export leaves an existing file as it was and no partial file behind.
    // Reports exportProgress after each step, then exported, exportCancelled or exportFailed.
    void exportTo(const Observe::AuditQuery &query, Format format, const QString &path);

Q_SIGNALS:
    void verifyProgress(qint64 checked);
    void verified(const Tenantry::Observe::VerifyReport &report);
    void verifyFailed(const Tenantry::Error &error);

    void exportProgress(qint64 written);
    void exported(qint64 written, const QString &path);
    void exportCancelled();
    void exportFailed(const Tenantry::Error &error);

private:
    Observe::AuditTrail *m_trail;
    std::atomic<bool> m_cancel{false};
    qint64 m_exportStep = kExportStep;
};

} // namespace Tenantry::Widgets
