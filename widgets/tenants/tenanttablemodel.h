#pragma once

#include "core/base/result.h"
#include "core/tenancy/tenant.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPointer>

#include <optional>

namespace Tenantry {
class TenantService;
}

namespace Tenantry::Widgets {

// The tenants of one TenantService as a flat table, one row per non-purged tenant, in the
// order the service lists them (sorting is the proxy's job).
//
// The model holds a snapshot taken by reload() and keeps it current from the service's
// tenantChanged signal one row at a time (update, insert, or remove when purged), so a
// change never resets the view or loses the selection. data() does no I/O: it reads the
// snapshot, so views stay smooth at 10,000+ rows.
//
// GUI thread only. Does not own the service; the service must outlive the model or be
// destroyed first (the model then simply stops receiving changes).
class TenantTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SlugColumn,
        DisplayNameColumn,
        StatusColumn,
        PlanColumn,
        IsolationColumn,
        CreatedColumn,
        ColumnCount
    };

    enum Role {
        TenantRole = Qt::UserRole + 1, // the whole Tenant, as QVariant
        SlugRole,                      // QString, any column
        DisplayNameRole,               // QString, any column
        StatusRole,                    // int (TenantStatus), any column
        PlanRole,                      // QString plan code, any column
        SortRole,                      // a value that sorts the column sensibly
    };

    explicit TenantTableModel(TenantService *service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces every row with what the service lists (all statuses but purged), fetching
    // page by page. On error the rows are left as they were and the error is returned.
    Status reload();

    // Replaces every row with `tenants` in one model reset. Purged tenants are skipped.
    void setTenants(QList<Tenant> tenants);

    // Brings the row of `tenant` (matched by id) up to date: updates it in place, appends
    // it when new, removes it when purged. Connected to TenantService::tenantChanged.
    void applyChange(const Tenant &tenant);

    // The tenant shown in `row`; `row` must be in [0, rowCount()).
    const Tenant &tenantAt(int row) const;
    // The row of the tenant with this slug, or -1.
    int rowOfSlug(const QString &slug) const;
    // The slug of the tenant with this id, if the table has it.
    std::optional<QString> slugOf(const QString &tenantId) const;

    // Translated, human-readable names for values stored as codes.
    static QString statusLabel(TenantStatus status);
    static QString planLabel(const QString &plan);
    static QString isolationLabel(const QString &isolation);
    // The colour a status is drawn in; readable on light and dark backgrounds.
    static QColor statusColor(TenantStatus status);

private:
    void rebuildIndex();

    QPointer<TenantService> m_service;
    QList<Tenant> m_tenants;
    QHash<QString, int> m_rowById;
    QHash<QString, int> m_rowBySlug; // lower-case slug; a tenant's slug never changes
};

} // namespace Tenantry::Widgets
