#include "widgets/quotas/quotaspage.h"

#include "core/quota/quotaservice.h"
#include "widgets/consoleactor.h"
#include "widgets/messagebanner.h"
#include "widgets/quotas/quotalimitsmodel.h"
#include "widgets/quotas/usagebardelegate.h"
#include "widgets/quotas/usagesource.h"
#include "widgets/tenants/tenantfilterproxy.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

constexpr int kUsageRefreshMs = 2000;

QTableView *tableView(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    return view;
}

} // namespace

QuotasPage::QuotasPage(Quota::QuotaService *quotas, TenantTableModel *tenants, UsageSource *usage, QWidget *parent)
    : QWidget(parent)
    , m_quotas(quotas)
    , m_tenants(tenants)
    , m_usage(usage)
    , m_proxy(new TenantFilterProxy(this))
    , m_limits(new QuotaLimitsModel(this))
    , m_usageTimer(new QTimer(this))
{
    m_confirmDiscard = [this](const Tenant &tenant) {
        return QMessageBox::question(this, tr("Unapplied changes"),
                                     tr("The limits of %1 were edited but not applied. Discard the changes?")
                                         .arg(tenant.slug),
                                     QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Discard;
    };
    m_proxy->setSourceModel(tenants);

    // Left: which tenant.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(left);
    m_search->setObjectName(u"quotaTenantSearch"_s);
    m_search->setPlaceholderText(tr("Search tenants…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &TenantFilterProxy::setSearchText);
    leftLayout->addWidget(m_search);
    m_tenantsView = tableView(left);
    m_tenantsView->setObjectName(u"quotaTenantTable"_s);
    m_tenantsView->setModel(m_proxy);
    m_tenantsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tenantsView->setSortingEnabled(true);
    m_tenantsView->sortByColumn(TenantTableModel::SlugColumn, Qt::AscendingOrder);
    for (int c = 0; c < TenantTableModel::ColumnCount; ++c) {
        if (c != TenantTableModel::SlugColumn && c != TenantTableModel::PlanColumn)
            m_tenantsView->hideColumn(c);
    }
    m_tenantsView->horizontalHeader()->setSectionResizeMode(TenantTableModel::SlugColumn, QHeaderView::Stretch);
    leftLayout->addWidget(m_tenantsView);
    connect(m_tenantsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { chooseRow(current); });
    // A tenant changed elsewhere (plan, status): show what it is now.
    connect(m_tenants, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_current)
            return;
        const int row = m_tenants->rowOfSlug(m_current->slug);
        if (row >= 0 && m_tenants->tenantAt(row).plan != m_current->plan && !m_limits->isDirty())
            load(m_tenants->tenantAt(row));
    });

    // Right: its limits.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    m_title = new QLabel(right);
    m_title->setObjectName(u"quotaTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    rightLayout->addWidget(m_title);
    m_subtitle = new QLabel(right);
    m_subtitle->setObjectName(u"quotaSubtitle"_s);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);
    rightLayout->addWidget(m_subtitle);
    m_banner = new MessageBanner(right);
    m_banner->setObjectName(u"quotaBanner"_s);
    rightLayout->addWidget(m_banner);
    m_empty = new QLabel(tr("Choose a tenant to see its limits and what it uses of them."), right);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    rightLayout->addWidget(m_empty, 1);

    m_limitsView = tableView(right);
    m_limitsView->setObjectName(u"quotaLimitsTable"_s);
    m_limitsView->setModel(m_limits);
    m_limitsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                  | QAbstractItemView::AnyKeyPressed);
    m_limitsView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_limitsView->setItemDelegateForColumn(QuotaLimitsModel::UsageColumn,
                                           new UsageBarDelegate(QuotaLimitsModel::UsageRatioRole, m_limitsView));
    // The bars take the room left; the other columns are as wide as their texts.
    QHeaderView *columns = m_limitsView->horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(QuotaLimitsModel::UsageColumn, QHeaderView::Stretch);
    columns->setMinimumSectionSize(m_limitsView->fontMetrics().averageCharWidth() * 10);
    rightLayout->addWidget(m_limitsView, 1);
    connect(m_limits, &QAbstractItemModel::dataChanged, this, &QuotasPage::updateActions);
    connect(m_limits, &QAbstractItemModel::modelReset, this, &QuotasPage::updateActions);

    auto *buttons = new QHBoxLayout;
    m_inheritButton = new QPushButton(tr("Use &Plan Limits"), right);
    m_inheritButton->setObjectName(u"quotaInheritButton"_s);
    m_inheritButton->setToolTip(tr("Remove this tenant's overrides of the built-in limits (apply to keep it)"));
    connect(m_inheritButton, &QPushButton::clicked, m_limits, &QuotaLimitsModel::inheritAll);
    buttons->addWidget(m_inheritButton);
    buttons->addStretch(1);
    m_revertButton = new QPushButton(tr("&Revert"), right);
    m_revertButton->setObjectName(u"quotaRevertButton"_s);
    connect(m_revertButton, &QPushButton::clicked, this, &QuotasPage::revert);
    buttons->addWidget(m_revertButton);
    m_applyButton = new QPushButton(tr("&Apply"), right);
    m_applyButton->setObjectName(u"quotaApplyButton"_s);
    m_applyButton->setDefault(true);
    connect(m_applyButton, &QPushButton::clicked, this, &QuotasPage::apply);
    buttons->addWidget(m_applyButton);
    rightLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({280, 840});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(splitter);

    m_usageTimer->setInterval(kUsageRefreshMs);
    connect(m_usageTimer, &QTimer::timeout, this, &QuotasPage::refreshUsage);
    updateHeading();
    updateActions();
}

bool QuotasPage::selectTenant(const QString &slug)
{
    bool known = false;
    QModelIndex at = m_proxy->indexOfSlug(slug, TenantTableModel::SlugColumn, &known);
    if (!known)
        return false;
    if (!at.isValid()) { // hidden by the search
        m_search->clear();
        at = m_proxy->indexOfSlug(slug, TenantTableModel::SlugColumn);
    }
    m_tenantsView->setCurrentIndex(at);
    return m_current && m_current->slug == slug;
}

void QuotasPage::chooseRow(const QModelIndex &proxyIndex)
{
    if (m_reselecting)
        return;
    const QVariant value = proxyIndex.data(TenantTableModel::TenantRole);
    if (!value.isValid())
        return;
    const Tenant tenant = value.value<Tenant>();
    if (m_current && m_current->id == tenant.id)
        return;
    if (m_current && m_limits->isDirty() && !m_confirmDiscard(*m_current)) {
        // Back to the tenant whose edits are kept, once this selection change is over.
        const QString slug = m_current->slug;
        QTimer::singleShot(0, this, [this, slug] {
            const QModelIndex at = m_proxy->indexOfSlug(slug, TenantTableModel::SlugColumn);
            if (!at.isValid())
                return;
            m_reselecting = true;
            m_tenantsView->setCurrentIndex(at);
            m_reselecting = false;
        });
        return;
    }
    load(tenant);
}

void QuotasPage::load(const Tenant &tenant)
{
    m_banner->hide();
    auto settings = m_quotas->settings(tenant);
    if (!settings) {
        m_current.reset();
        m_limits->clear();
        updateHeading();
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The limits of %1 could not be read: %2")
                                                              .arg(tenant.slug, settings.error().message));
        return;
    }
    m_current = tenant;
    m_limits->setSettings(settings.value());
    refreshUsage(); // and the heading, with the time of the figures
    if (!settings->planKnown) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The plan \"%1\" of %2 does not exist: only the tenant's overrides limit it.")
                                  .arg(tenant.plan, tenant.slug));
    }
}

void QuotasPage::refreshUsage()
{
    if (!m_current)
        return;
    if (!m_usage) {
        updateHeading();
        return;
    }
    auto usage = m_usage->usage(*m_current);
    if (usage)
        m_limits->setUsage(usage.value());
    updateHeading();
    if (!usage)
        m_subtitle->setText(tr("Usage could not be read: %1").arg(usage.error().message));
}

void QuotasPage::reload()
{
    if (m_current)
        load(*m_current);
}

void QuotasPage::revert()
{
    m_limits->revert();
    m_banner->hide();
}

bool QuotasPage::apply()
{
    if (!m_current || !m_limits->isDirty())
        return true;
    if (m_limits->hasErrors()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Some limits are not valid (marked in red); correct them or revert."));
        return false;
    }
    auto saved = m_quotas->setOverrides(consoleActor(), *m_current, m_limits->overrides());
    if (!saved) {
        QStringList unplaced;
        for (const FieldError &e : m_limits->setFieldErrors(saved.error().fields))
            unplaced.append(u"%1: %2"_s.arg(e.field, e.message));
        QString text = tr("The limits of %1 were not changed: %2").arg(m_current->slug, saved.error().message);
        if (!unplaced.isEmpty())
            text += u" ("_s + unplaced.join(u"; "_s) + u')';
        m_banner->showMessage(MessageBanner::Kind::Error, text);
        return false;
    }
    m_limits->setSettings(saved.value());
    refreshUsage();
    m_banner->showMessage(MessageBanner::Kind::Information,
                          tr("The limits of %1 are changed; running servers apply them within seconds.")
                              .arg(m_current->slug));
    return true;
}

void QuotasPage::updateHeading()
{
    const bool chosen = m_current.has_value();
    m_empty->setVisible(!chosen);
    m_limitsView->setVisible(chosen);
    if (!chosen) {
        m_title->setText(tr("Quotas & Usage"));
        m_subtitle->setText(m_usage ? tr("Usage: %1").arg(m_usage->origin()) : QString());
        return;
    }
    const QString name = m_current->config.displayName.isEmpty() ? m_current->slug : m_current->config.displayName;
    m_title->setText(tr("%1 (%2)").arg(name, m_current->slug));
    QString subtitle = tr("Plan: %1").arg(TenantTableModel::planLabel(m_current->plan));
    if (m_usage) {
        subtitle += u" · "_s + tr("Usage: %1, as of %2")
                                   .arg(m_usage->origin(), QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
    }
    m_subtitle->setText(subtitle);
}

void QuotasPage::updateActions()
{
    const bool dirty = m_current && m_limits->isDirty();
    m_applyButton->setEnabled(dirty);
    m_revertButton->setEnabled(dirty);
    m_inheritButton->setEnabled(m_current.has_value());
}

void QuotasPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshUsage();
    m_usageTimer->start();
}

void QuotasPage::hideEvent(QHideEvent *event)
{
    m_usageTimer->stop();
    QWidget::hideEvent(event);
}

} // namespace Tenantry::Widgets
