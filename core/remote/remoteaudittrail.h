#pragma once

#include "core/observe/audittrail.h"
#include "core/remote/adminclient.h"

namespace Tenantry::Remote {

// The audit trail of a remote `tenantry serve`, read through its admin API
// (GET /admin/v1/audit, /audit/export, /audit/verify), so the console's audit page works
// on a server as on a local catalog. The server's errors come back unchanged; the checks
// the admin API makes under another name (a limit or cursor out of range) are made here
// first, so callers see the codes AuditTrail documents.
//
// Thread-safe as AuditTrail requires: it keeps no state of its own between calls, and
// AdminClient serves concurrent callers. `client` must outlive it.
class RemoteAuditTrail final : public Observe::AuditTrail
{
public:
    // The admin API's own bound on the entries of one export download.
    static constexpr qint64 kMaxExportPageEntries = 100000;

    // `exportPageEntries` (1..kMaxExportPageEntries) is how many entries each export
    // download asks for; an export of more continues with further downloads. Smaller pages
    // cost more round trips and no less memory, since every page is streamed.
    explicit RemoteAuditTrail(AdminClient &client, qint64 exportPageEntries = kMaxExportPageEntries);

    // AuditTrail: see its contracts. The exports write to `out` on the client's network
    // thread while the call blocks, so `out` must not be used elsewhere meanwhile; a CSV
    // export that takes several downloads still writes one header row. verify() runs on
    // the server, which reports no progress, so `progress` is called once, at the end.
    Result<Observe::AuditPage> query(const Observe::AuditQuery &query) override;
    Status exportJsonLines(const Observe::AuditQuery &query, QIODevice &out, qint64 maxEntries = -1,
                           qint64 *nextCursor = nullptr) override;
    Status exportCsv(const Observe::AuditQuery &query, QIODevice &out, qint64 maxEntries = -1,
                     qint64 *nextCursor = nullptr) override;
    Result<Observe::VerifyReport> verify(const std::function<void(qint64 checked)> &progress = {}) override;

private:
    enum class Format { JsonLines, Csv };
    Status exportAs(Format format, const Observe::AuditQuery &query, QIODevice &out, qint64 maxEntries,
                    qint64 *nextCursor);

    AdminClient &m_client;
    qint64 m_exportPageEntries;
};

} // namespace Tenantry::Remote
