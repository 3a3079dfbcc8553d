#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace Tenantry::Widgets {

// The busiest tenants of the last sampling interval, in the order given (busiest first),
// one row each, with the selected tenant's row in bold. Rows are updated in place, never
// reset, so a view keeps its scroll position and current row between updates.
// GUI thread only.
class BusiestTenantsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TenantColumn, RateColumn, TotalColumn, ErrorRateColumn, P95Column, ColumnCount };
    enum Role { TenantIdRole = Qt::UserRole + 1 };

    struct Row {
        QString tenantId;
        QString slug;                 // empty when unknown: the id is shown instead
        double requestsPerSecond = 0;
        qint64 requestsTotal = 0;     // since the server started
        double errorRate = 0;         // 0..1, in the interval
        std::optional<std::chrono::microseconds> p95; // in the interval; unknown shows a dash
    };

    explicit BusiestTenantsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }
    void setSelectedTenant(const QString &tenantId);
    // The row showing this tenant, or -1.
    int rowOfTenant(const QString &tenantId) const;

private:
    QList<Row> m_rows;
    QString m_selected;
};

} // namespace Tenantry::Widgets
