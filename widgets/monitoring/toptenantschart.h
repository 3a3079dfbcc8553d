#pragma once

#include <QChartView>
#include <QList>
#include <QString>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

namespace Tenantry::Widgets {

// The busiest tenants right now as horizontal bars, the busiest on top, one tenant's bar
// highlighted. Clicking a bar reports its tenant. GUI thread only.
class TopTenantsChart final : public QChartView
{
    Q_OBJECT

public:
    struct Bar {
        QString tenantId;
        QString label; // shown beside the bar, e.g. the slug
        double value = 0;
    };

    TopTenantsChart(const QString &title, const QString &valueTitle, QWidget *parent = nullptr);

    // Replaces the bars (most first, as many as given) and highlights `highlightedTenant`'s.
    void setBars(const QList<Bar> &bars, const QString &highlightedTenant);
    const QList<Bar> &bars() const { return m_bars; }

Q_SIGNALS:
    void tenantClicked(const QString &tenantId);

private:
    QHorizontalBarSeries *m_series = nullptr;
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QList<Bar> m_bars;
    double m_top = 0;
};

} // namespace Tenantry::Widgets
