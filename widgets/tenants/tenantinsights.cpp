#include "widgets/tenants/tenantinsights.h"

#include "core/observe/audittrail.h"
#include "widgets/monitoring/monitoringformat.h"
#include "widgets/quotas/quotalimitsmodel.h"
#include "widgets/quotas/usagebardelegate.h"
#include "widgets/quotas/usagesource.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QSet>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

constexpr int kRefreshMs = 2000;
constexpr int kActivityEveryTicks = 5;
constexpr int kActivityLines = 8;
constexpr int kActivityEntries = 100; // read to fill the lines once repeats are folded

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

} // namespace

TenantInsights::TenantInsights(UsageSource *usage, Observe::AuditTrail *audit, QWidget *parent)
    : QWidget(parent)
    , m_usage(usage)
    , m_audit(audit)
    , m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (m_usage) {
        layout->addWidget(sectionTitle(tr("Usage"), this));
        m_bars = new QGridLayout;
        m_bars->setHorizontalSpacing(8);
        m_bars->setVerticalSpacing(4);
        m_bars->setColumnStretch(1, 1);
        layout->addLayout(m_bars);
        m_usageNote = new QLabel(this);
        m_usageNote->setObjectName(u"insightsUsageNote"_s);
        m_usageNote->setWordWrap(true);
        m_usageNote->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(m_usageNote);
        layout->addSpacing(8);
    }
    if (m_audit) {
        layout->addWidget(sectionTitle(tr("Recent activity"), this));
        m_activity = new QListWidget(this);
        m_activity->setObjectName(u"insightsActivity"_s);
        m_activity->setFrameShape(QFrame::NoFrame);
        m_activity->setSelectionMode(QAbstractItemView::NoSelection);
        m_activity->setFocusPolicy(Qt::NoFocus);
        m_activity->setWordWrap(true);
        m_activity->setBackgroundRole(QPalette::Window);
        m_activity->viewport()->setBackgroundRole(QPalette::Window);
        layout->addWidget(m_activity, 1);
    }
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        refreshUsage();
        if (++m_ticks % kActivityEveryTicks == 0)
            refreshActivity();
    });
}

void TenantInsights::showTenant(const std::optional<Tenant> &tenant)
{
    const bool same = tenant && m_tenant && tenant->id == m_tenant->id;
    m_tenant = tenant;
    refreshUsage();
    if (!same)
        refreshActivity();
}

void TenantInsights::refreshUsage()
{
    if (!m_usage)
        return;
    QList<Quota::DimensionUsage> usage;
    if (m_tenant) {
        auto read = m_usage->usage(*m_tenant);
        if (!read) {
            m_usageNote->setText(tr("Usage could not be read: %1").arg(read.error().message));
            return;
        }
        for (const Quota::DimensionUsage &u : read.value()) {
            if (u.limit > 0)
                usage.append(u);
        }
    }
    // Rebuilt only when the set of dimensions changes, so the bars do not flicker.
    QSet<QString> names;
    for (const Quota::DimensionUsage &u : std::as_const(usage))
        names.insert(u.name);
    const QStringList shownNames = m_shown.keys();
    if (names != QSet<QString>(shownNames.cbegin(), shownNames.cend())) {
        for (const Bar &b : std::as_const(m_shown)) {
            delete b.label;
            delete b.bar;
        }
        m_shown.clear();
        int row = 0;
        for (const Quota::DimensionUsage &u : std::as_const(usage)) {
            Bar b;
            b.label = new QLabel(dimensionLabel(u.name), this);
            b.bar = new QProgressBar(this);
            b.bar->setRange(0, 1000);
            b.bar->setTextVisible(true);
            b.bar->setAlignment(Qt::AlignCenter);
            b.bar->setMaximumHeight(fontMetrics().height() + 6);
            m_bars->addWidget(b.label, row, 0);
            m_bars->addWidget(b.bar, row, 1);
            m_shown.insert(u.name, b);
            ++row;
        }
    }
    for (const Quota::DimensionUsage &u : std::as_const(usage)) {
        const Bar &b = m_shown.value(u.name);
        const double ratio = double(u.used) / double(u.limit);
        b.bar->setValue(int(std::clamp(ratio, 0.0, 1.0) * 1000));
        // The pane is narrow: the bar says how full, the tooltip says of what.
        b.bar->setFormat(MonitoringFormat::percent(ratio));
        QPalette palette = b.bar->palette();
        palette.setColor(QPalette::Highlight, UsageBarDelegate::barColor(ratio, this->palette()));
        b.bar->setPalette(palette);
        QString tip = formatUsage(u);
        if (u.resetSeconds >= 0)
            tip += u'\n' + tr("Resets %1").arg(formatResetIn(u.resetSeconds));
        b.bar->setToolTip(tip);
        b.label->setToolTip(tip);
    }
    if (!m_tenant)
        m_usageNote->clear();
    else if (usage.isEmpty())
        m_usageNote->setText(tr("No limits apply to this tenant."));
    else
        m_usageNote->setText(tr("Usage %1.").arg(m_usage->origin()));
}

void TenantInsights::refreshActivity()
{
    if (!m_audit)
        return;
    m_activity->clear();
    if (!m_tenant)
        return;
    Observe::AuditQuery query;
    query.tenantId = m_tenant->id;
    query.newestFirst = true;
    query.limit = kActivityEntries;
    auto page = m_audit->query(query);
    if (!page) {
        m_activity->addItem(tr("The activity could not be read: %1").arg(page.error().message));
        return;
    }
    if (page->items.isEmpty())
        m_activity->addItem(tr("Nothing recorded yet."));
    // Runs of the same action by the same actor (a client retrying a bad key) are one line.
    const QList<Observe::AuditEntry> &entries = page->items;
    for (qsizetype i = 0; i < entries.size() && m_activity->count() < kActivityLines;) {
        const Observe::AuditEntry &e = entries.at(i);
        qsizetype run = 1;
        while (i + run < entries.size() && entries.at(i + run).action == e.action && entries.at(i + run).actor == e.actor)
            ++run;
        QString text = tr("%1  %2 · %3").arg(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat), e.action,
                                             e.actor);
        if (run > 1)
            text = tr("%1 (×%2)").arg(text).arg(run);
        auto *item = new QListWidgetItem(text, m_activity);
        item->setToolTip(e.target);
        i += run;
    }
}

QHash<QString, int> TenantInsights::usageBars() const
{
    QHash<QString, int> out;
    for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it)
        out.insert(it.key(), it->bar->value());
    return out;
}

QStringList TenantInsights::activity() const
{
    QStringList out;
    if (m_activity) {
        for (int i = 0; i < m_activity->count(); ++i)
            out.append(m_activity->item(i)->text());
    }
    return out;
}

void TenantInsights::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
}

void TenantInsights::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

} // namespace Tenantry::Widgets
