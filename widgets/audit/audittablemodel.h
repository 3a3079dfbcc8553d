#pragma once

#include "core/base/result.h"
#include "core/observe/audittrail.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace Tenantry {
class TenantService;
struct Tenant;
}

namespace Tenantry::Widgets {

// The entries of an AuditTrail matching one query, newest first, as a table that loads
// itself a page at a time: reload() reads the first page, and views ask for the next one
// through canFetchMore()/fetchMore() as they scroll to the end, so a log of millions of
// entries opens as fast as one of ten.
//
// Tenants are shown by slug, from a name list taken from the TenantService at reload() and
// kept current from its tenantChanged signal; a tenant that is purged (or unknown) is shown
// by its id. data() does no I/O.
//
// GUI thread only: queries run synchronously on it. Owns neither the trail nor the service;
// both must outlive the model (the service may also be null: ids are shown then).
class AuditTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ActorColumn, TenantColumn, ActionColumn, TargetColumn, SourceColumn, ColumnCount };

    enum Role {
        SeqRole = Qt::UserRole + 1, // qint64, any column
        ActionRole,                 // QString, the raw action code, any column
    };

    static constexpr int kDefaultPageSize = 200;

    AuditTableModel(Observe::AuditTrail *trail, TenantService *tenants, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    // Appends the next page. A failure is reported through fetchFailed() and stops further
    // fetching until the next reload(), so a broken connection is not retried on every scroll.
    void fetchMore(const QModelIndex &parent) override;

    // Replaces the rows with the first page of the entries matching `query`'s filters, newest
    // first (its newestFirst and limit are ignored; a set afterSeq starts the table below that
    // seq). Also refreshes the tenant names. On error the rows are left as they were.
    Status reload(const Observe::AuditQuery &query);
    // The query the rows come from, as reload() stored it (newest first, limit = page size).
    const Observe::AuditQuery &query() const { return m_query; }

    // Entries per page, 1..1000 (default kDefaultPageSize).
    void setPageSize(int entries);
    int pageSize() const { return m_pageSize; }

    // The entry shown in `row`; `row` must be in [0, rowCount()).
    const Observe::AuditEntry &entryAt(int row) const;
    // The row of the loaded entry with this seq, or -1.
    int rowOfSeq(qint64 seq) const;

    // The tenant's slug when the service knows it, else `tenantId` itself.
    QString tenantLabel(const QString &tenantId) const;
    std::optional<QString> slugOf(const QString &tenantId) const;
    // The id of the non-purged tenant with this slug (case-insensitive), if known.
    std::optional<QString> idOfSlug(const QString &slug) const;
    // Every known slug, sorted.
    QStringList tenantSlugs() const;

    // Translated one-line descriptions of the known actions, e.g. "tenant.suspend" ->
    // "Tenant suspended"; empty for actions this build does not know.
    static QString actionDescription(const QString &action);
    // Actions worth drawing attention to (anomalies, failed sign-ins) get a colour.
    static std::optional<QColor> actionColor(const QString &action);
    // Local time for display ("date time" with seconds) and UTC for tooltips.
    static QString localTimeText(const QDateTime &time);
    static QString utcTimeText(const QDateTime &time);

Q_SIGNALS:
    void fetchFailed(const Tenantry::Error &error);
    // The tenant names changed (reloaded or a tenant was added, renamed or purged).
    void tenantNamesChanged();

private:
    void refreshTenantNames();
    void applyTenantChange(const Tenantry::Tenant &tenant);

    Observe::AuditTrail *m_trail;
    QPointer<TenantService> m_tenants;
    Observe::AuditQuery m_query;
    QList<Observe::AuditEntry> m_entries;
    qint64 m_nextCursor = 0;
    bool m_fetchBroken = false;
    int m_pageSize = kDefaultPageSize;
    QHash<QString, QString> m_slugById;
};

} // namespace Tenantry::Widgets
