#include "widgets/monitoring/busiesttenantsmodel.h"

#include "widgets/monitoring/monitoringformat.h"

#include <QFont>
#include <QLocale>

namespace Tenantry::Widgets {

BusiestTenantsModel::BusiestTenantsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int BusiestTenantsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BusiestTenantsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BusiestTenantsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TenantColumn: return row.slug.isEmpty() ? row.tenantId : row.slug;
        case RateColumn: return MonitoringFormat::rate(row.requestsPerSecond);
        case TotalColumn: return QLocale().toString(row.requestsTotal);
        case ErrorRateColumn: return MonitoringFormat::percent(row.errorRate);
        case P95Column: return row.p95 ? MonitoringFormat::milliseconds(*row.p95) : MonitoringFormat::unknown();
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == TenantColumn ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                              : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole:
        if (!m_selected.isEmpty() && row.tenantId == m_selected) {
            QFont bold;
            bold.setWeight(QFont::DemiBold);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TenantColumn)
            return tr("Tenant ID %1").arg(row.tenantId);
        if (index.column() == P95Column && !row.p95)
            return tr("No figure: no requests in the last second, or the tenant has only just become this busy");
        return {};
    case TenantIdRole:
        return row.tenantId;
    }
    return {};
}

QVariant BusiestTenantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == TenantColumn ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RateColumn: return tr("Requests per second in the last second");
        case TotalColumn: return tr("Requests since the server started");
        case ErrorRateColumn: return tr("Share of 4xx and 5xx answers in the last second");
        case P95Column: return tr("95th percentile latency in the last second");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TenantColumn: return tr("Tenant");
    case RateColumn: return tr("Requests/s");
    case TotalColumn: return tr("Requests");
    case ErrorRateColumn: return tr("Error rate");
    case P95Column: return tr("p95");
    }
    return {};
}

void BusiestTenantsModel::setRows(const QList<Row> &rows)
{
    const qsizetype before = m_rows.size();
    if (rows.size() < before) {
        beginRemoveRows({}, int(rows.size()), int(before) - 1);
        m_rows.resize(rows.size());
        endRemoveRows();
    }
    const qsizetype kept = m_rows.size();
    for (qsizetype i = 0; i < kept; ++i)
        m_rows[i] = rows[i];
    if (kept > 0)
        Q_EMIT dataChanged(index(0, 0), index(int(kept) - 1, ColumnCount - 1));
    if (rows.size() > kept) {
        beginInsertRows({}, int(kept), int(rows.size()) - 1);
        m_rows = rows;
        endInsertRows();
    }
}

void BusiestTenantsModel::setSelectedTenant(const QString &tenantId)
{
    m_selected = tenantId;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::FontRole});
}

int BusiestTenantsModel::rowOfTenant(const QString &tenantId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].tenantId == tenantId)
            return int(i);
    }
    return -1;
}

} // namespace Tenantry::Widgets
