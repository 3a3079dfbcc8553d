#include "widgets/tenants/tenantspage.h"

#include "core/tenancy/tenantservice.h"
#include "widgets/consoleactor.h"
#include "widgets/tenants/tenantdialog.h"
#include "widgets/tenants/tenantfilterproxy.h"
#include "widgets/tenants/tenantinsights.h"
#include "widgets/tenants/tenantloader.h"
#include "widgets/tenants/tenanttablemodel.h"
#include "widgets/uihelpers.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

QPixmap colorDot(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pixmap;
}

QLabel *detailValue(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    return TenantsPage::tr("%1, %2", "date, time")
        .arg(locale.toString(local.date(), QLocale::ShortFormat), locale.toString(local.time(), QLocale::ShortFormat));
}

QString failureText(LifecycleAction action, const QString &slug)
{
    switch (action) {
    case LifecycleAction::Activate: return TenantsPage::tr("Could not activate %1.").arg(slug);
    case LifecycleAction::Suspend: return TenantsPage::tr("Could not suspend %1.").arg(slug);
    case LifecycleAction::Delete: return TenantsPage::tr("Could not delete %1.").arg(slug);
    case LifecycleAction::Restore: return TenantsPage::tr("Could not restore %1.").arg(slug);
    case LifecycleAction::Purge: return TenantsPage::tr("Could not purge %1.").arg(slug);
    }
    return {};
}

} // namespace

TenantsPage::TenantsPage(TenantService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new TenantTableModel(service, this))
    , m_proxy(new TenantFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);

    auto makeAction = [this](Action which, const QString &text, const QString &objectName,
                             const QIcon &icon, const QString &tip) {
        auto *action = new QAction(icon, text, this);
        // Toolbar buttons show iconText, from which Qt drops only the '&': a Chinese label
        // such as "暂停(&S)" would read "暂停(S)" there.
        static const QRegularExpression mnemonic(u"\\(&[^)]\\)|&"_s);
        action->setIconText(QString(text).remove(mnemonic));
        action->setObjectName(objectName);
        action->setToolTip(tip);
        m_actions[std::size_t(which)] = action;
        return action;
    };
    QAction *newAction = makeAction(Action::New, tr("&New…"), u"newTenantAction"_s,
                                    themedIcon(this, u"list-add"_s, QStyle::SP_FileIcon),
                                    tr("Register a new tenant"));
    newAction->setShortcut(QKeySequence::New);
    QAction *cloneAction = makeAction(Action::Clone, tr("C&lone…"), u"cloneTenantAction"_s,
                                      themedIcon(this, u"edit-copy"_s, QStyle::SP_FileDialogNewFolder),
                                      tr("Create a new tenant with this tenant's plan and configuration"));
    QAction *editAction = makeAction(Action::Edit, tr("&Edit…"), u"editTenantAction"_s,
                                     themedIcon(this, u"document-edit"_s, QStyle::SP_FileDialogDetailedView),
                                     tr("Change the tenant's display name, locale, time zone and theme colour"));
    QAction *activateAction = makeAction(Action::Activate, tr("&Activate"), u"activateTenantAction"_s,
                                         themedIcon(this, u"media-playback-start"_s, QStyle::SP_MediaPlay),
                                         tr("Let the tenant serve requests"));
    QAction *suspendAction = makeAction(Action::Suspend, tr("&Suspend"), u"suspendTenantAction"_s,
                                        themedIcon(this, u"media-playback-pause"_s, QStyle::SP_MediaPause),
                                        tr("Stop serving the tenant's requests; its data is kept"));
    QAction *restoreAction = makeAction(Action::Restore, tr("&Restore"), u"restoreTenantAction"_s,
                                        themedIcon(this, u"edit-undo"_s, QStyle::SP_ArrowBack),
                                        tr("Bring a deleted tenant back, suspended, for review"));
    QAction *deleteAction = makeAction(Action::Delete, tr("&Delete…"), u"deleteTenantAction"_s,
                                       themedIcon(this, u"edit-delete"_s, QStyle::SP_TrashIcon),
                                       tr("Delete the tenant; it can be restored until it is purged"));
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut); // only while the table has focus
    QAction *refreshAction = makeAction(Action::Refresh, tr("Re&fresh"), u"refreshTenantsAction"_s,
                                        themedIcon(this, u"view-refresh"_s, QStyle::SP_BrowserReload),
                                        tr("Load the tenants again"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    connect(newAction, &QAction::triggered, this, &TenantsPage::createTenant);
    connect(cloneAction, &QAction::triggered, this, &TenantsPage::cloneTenant);
    connect(editAction, &QAction::triggered, this, &TenantsPage::editTenant);
    connect(activateAction, &QAction::triggered, this, [this] { runLifecycle(LifecycleAction::Activate); });
    connect(suspendAction, &QAction::triggered, this, [this] { runLifecycle(LifecycleAction::Suspend); });
    connect(restoreAction, &QAction::triggered, this, [this] { runLifecycle(LifecycleAction::Restore); });
    connect(deleteAction, &QAction::triggered, this, &TenantsPage::deleteTenant);
    connect(refreshAction, &QAction::triggered, this, &TenantsPage::reload);
    addActions({newAction, refreshAction});

    // Header: title and count.
    auto *title = new QLabel(tr("Tenants"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    m_count = new QLabel(this);
    m_count->setObjectName(u"tenantCountLabel"_s);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(8);
    header->addWidget(m_count, 0, Qt::AlignBottom);
    header->addStretch();

    // Toolbar: actions on the left, search and status filter on the right.
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addAction(newAction);
    toolbar->addAction(cloneAction);
    toolbar->addAction(editAction);
    toolbar->addSeparator();
    toolbar->addAction(activateAction);
    toolbar->addAction(suspendAction);
    toolbar->addAction(restoreAction);
    toolbar->addSeparator();
    toolbar->addAction(deleteAction);
    toolbar->addSeparator();
    toolbar->addAction(refreshAction);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);

    m_search = new QLineEdit(toolbar);
    m_search->setObjectName(u"tenantSearchEdit"_s);
    m_search->setPlaceholderText(tr("Search slug or name"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 28);
    if (QIcon::hasThemeIcon(u"edit-find"_s)) // the style has no magnifier to fall back on
        m_search->addAction(QIcon::fromTheme(u"edit-find"_s), QLineEdit::LeadingPosition);
    toolbar->addWidget(m_search);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(findAction);

    m_statusFilter = new QComboBox(toolbar);
    m_statusFilter->setObjectName(u"tenantStatusFilter"_s);
    m_statusFilter->addItem(tr("All statuses"), -1);
    const int dot = m_statusFilter->fontMetrics().height() * 2 / 3;
    for (TenantStatus status : {TenantStatus::Pending, TenantStatus::Active, TenantStatus::Suspended,
                                TenantStatus::Deleted}) {
        m_statusFilter->addItem(QIcon(colorDot(TenantTableModel::statusColor(status), dot)),
                                TenantTableModel::statusLabel(status), int(status));
    }
    m_statusFilter->setToolTip(tr("Show only tenants with this status"));
    toolbar->addSeparator();
    toolbar->addWidget(m_statusFilter);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &TenantFilterProxy::setSearchText);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &TenantsPage::applyStatusFilter);

    // Table.
    m_view = new QTableView(this);
    m_view->setObjectName(u"tenantTable"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TenantTableModel::SlugColumn, Qt::AscendingOrder);
    // Uniform row heights: the view never measures rows, which keeps 10,000+ rows cheap.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setStretchLastSection(false);
    const int ch = m_view->fontMetrics().averageCharWidth();
    columns->resizeSection(TenantTableModel::SlugColumn, ch * 26);
    columns->resizeSection(TenantTableModel::StatusColumn, ch * 14);
    columns->resizeSection(TenantTableModel::PlanColumn, ch * 13);
    columns->resizeSection(TenantTableModel::IsolationColumn, ch * 16);
    columns->resizeSection(TenantTableModel::CreatedColumn, ch * 16);
    columns->setSectionResizeMode(TenantTableModel::DisplayNameColumn, QHeaderView::Stretch);
    columns->setMinimumSectionSize(ch * 8);
    m_view->addAction(deleteAction);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(buildDetailsPane());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({900, 320});

    // Shown while a large catalog loads in the background.
    m_loader = new TenantLoader(m_service, this);
    m_loadRow = new QWidget(this);
    m_loadRow->setObjectName(u"tenantLoadRow"_s);
    auto *loadLayout = new QHBoxLayout(m_loadRow);
    loadLayout->setContentsMargins(0, 0, 0, 0);
    m_loadLabel = new QLabel(m_loadRow);
    loadLayout->addWidget(m_loadLabel);
    m_loadProgress = new QProgressBar(m_loadRow);
    m_loadProgress->setObjectName(u"tenantLoadProgress"_s);
    loadLayout->addWidget(m_loadProgress, 1);
    auto *cancelLoad = new QPushButton(tr("Cancel"), m_loadRow);
    cancelLoad->setObjectName(u"cancelTenantLoad"_s);
    loadLayout->addWidget(cancelLoad);
    m_loadRow->hide();
    connect(cancelLoad, &QPushButton::clicked, this, &TenantsPage::cancelLoad);
    connect(m_loader, &TenantLoader::progress, this, [this](qint64 loaded, qint64 total) {
        m_loadProgress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
        m_loadProgress->setValue(int(std::min<qint64>(loaded, INT_MAX)));
        m_loadLabel->setText(tr("Loading tenants… %1 of %2")
                                 .arg(QLocale().toString(loaded), QLocale().toString(total)));
    });
    connect(m_loader, &TenantLoader::loaded, this, &TenantsPage::showLoaded);
    connect(m_loader, &TenantLoader::cancelled, this, [this] { m_loadRow->hide(); });
    connect(m_loader, &TenantLoader::failed, this, [this](const Error &error) {
        m_loadRow->hide();
        showErrorBox(tr("Could not load the tenants."), error);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(toolbar);
    layout->addWidget(m_loadRow);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TenantsPage::refreshSelectionState);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &TenantsPage::refreshSelectionState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TenantsPage::refreshSelectionState);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TenantsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TenantsPage::refreshSelectionState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TenantsPage::refreshSelectionState);
    refreshSelectionState();
}

TenantsPage::~TenantsPage() = default;

QWidget *TenantsPage::buildDetailsPane()
{
    m_details = new QStackedWidget(this);
    m_details->setObjectName(u"tenantDetails"_s);
    m_details->setMinimumWidth(fontMetrics().averageCharWidth() * 34);

    auto *placeholder = new QLabel(tr("Select a tenant to see its details."), m_details);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_details->addWidget(placeholder);

    auto *pane = new QWidget(m_details);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(12, 4, 4, 4);

    m_detailName = detailValue(pane);
    m_detailName->setObjectName(u"detailDisplayName"_s);
    QFont nameFont = m_detailName->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setWeight(QFont::DemiBold);
    m_detailName->setFont(nameFont);
    layout->addWidget(m_detailName);

    m_detailSlug = detailValue(pane);
    m_detailSlug->setObjectName(u"detailSlug"_s);
    m_detailSlug->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detailSlug->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_detailSlug);
    layout->addSpacing(8);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_detailStatus = detailValue(pane);
    m_detailStatus->setObjectName(u"detailStatus"_s);
    QFont statusFont = m_detailStatus->font();
    statusFont.setWeight(QFont::DemiBold);
    m_detailStatus->setFont(statusFont);
    form->addRow(tr("Status:"), m_detailStatus);
    m_detailPlan = detailValue(pane);
    form->addRow(tr("Plan:"), m_detailPlan);
    m_detailIsolation = detailValue(pane);
    form->addRow(tr("Isolation:"), m_detailIsolation);
    m_detailLocale = detailValue(pane);
    form->addRow(tr("Locale:"), m_detailLocale);
    m_detailTimeZone = detailValue(pane);
    form->addRow(tr("Time zone:"), m_detailTimeZone);

    auto *colorRow = new QWidget(pane);
    auto *colorLayout = new QHBoxLayout(colorRow);
    colorLayout->setContentsMargins(0, 0, 0, 0);
    m_detailSwatch = new QLabel(colorRow);
    m_detailSwatch->setObjectName(u"detailThemeSwatch"_s);
    colorLayout->addWidget(m_detailSwatch);
    m_detailColor = detailValue(colorRow);
    m_detailColor->setWordWrap(false);
    colorLayout->addWidget(m_detailColor, 1);
    form->addRow(tr("Theme colour:"), colorRow);

    m_detailCreated = detailValue(pane);
    form->addRow(tr("Created:"), m_detailCreated);
    m_detailUpdated = detailValue(pane);
    form->addRow(tr("Updated:"), m_detailUpdated);
    m_detailId = detailValue(pane);
    m_detailId->setObjectName(u"detailId"_s);
    m_detailId->setWordWrap(false);
    QFont idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    idFont.setPointSizeF(idFont.pointSizeF() * 0.85);
    m_detailId->setFont(idFont);
    m_detailId->setForegroundRole(QPalette::PlaceholderText);
    m_detailId->setToolTip(tr("The tenant's immutable ID; never reused"));
    m_detailPurge = detailValue(pane);
    m_detailPurgeLabel = new QLabel(tr("Purge allowed:"), pane);
    form->addRow(m_detailPurgeLabel, m_detailPurge);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_detailId);
    m_detailLayout = layout;
    layout->addStretch();

    m_details->addWidget(pane);
    return m_details;
}

QAction *TenantsPage::action(Action which) const
{
    return m_actions[std::size_t(which)];
}

std::optional<Tenant> TenantsPage::currentTenant() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid())
        return std::nullopt;
    return m_model->tenantAt(source.row());
}

bool TenantsPage::selectTenant(const QString &slug)
{
    bool known = false;
    QModelIndex index = m_proxy->indexOfSlug(slug, 0, &known);
    if (!known)
        return false;
    if (!index.isValid()) { // hidden by the search or the status filter
        m_search->clear();
        m_statusFilter->setCurrentIndex(0);
        index = m_proxy->indexOfSlug(slug);
    }
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void TenantsPage::setDeleteConfirmation(DeleteConfirmation confirm)
{
    m_confirmDelete = std::move(confirm);
}

void TenantsPage::setErrorPresenter(ErrorPresenter present)
{
    m_presentError = std::move(present);
}

void TenantsPage::reload()
{
    if (!m_service || m_loader->isRunning())
        return;
    // The first page here: most catalogs fit in it, and the table fills at once. Larger ones
    // go on in the background with progress; the rows shown stay until the load is done.
    TenantQuery query;
    query.limit = kTenantPageSize;
    Result<TenantPage> first = [&] {
        WaitCursor wait;
        return m_service->list(query);
    }();
    if (!first) {
        showErrorBox(tr("Could not load the tenants."), first.error());
        return;
    }
    if (first->nextCursor.isEmpty()) {
        showLoaded(first->items);
        return;
    }
    m_loadProgress->setRange(0, int(std::min<qint64>(first->total, INT_MAX)));
    m_loadProgress->setValue(int(first->items.size()));
    m_loadLabel->setText(tr("Loading tenants…"));
    m_loadRow->show();
    m_loader->start(first.value());
}

void TenantsPage::showLoaded(const QList<Tenant> &tenants)
{
    m_loadRow->hide();
    const std::optional<Tenant> current = currentTenant();
    m_model->setTenants(tenants);
    if (current)
        selectTenant(current->slug);
}

void TenantsPage::cancelLoad()
{
    m_loader->cancel();
}

bool TenantsPage::isLoading() const
{
    return m_loader->isRunning();
}

void TenantsPage::createTenant()
{
    auto *dialog = new TenantDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TenantDialog::tenantCreated, this, [this](const Tenant &tenant) {
        m_model->applyChange(tenant); // harmless if tenantChanged already did it
        selectTenant(tenant.slug);
    });
    dialog->open();
}

void TenantsPage::cloneTenant()
{
    const std::optional<Tenant> source = currentTenant();
    if (!source)
        return;
    auto *dialog = new TenantDialog(m_service, *source, TenantDialog::Purpose::Clone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TenantDialog::tenantCreated, this, [this](const Tenant &tenant) {
        m_model->applyChange(tenant);
        selectTenant(tenant.slug);
    });
    dialog->open();
}

void TenantsPage::editTenant()
{
    const std::optional<Tenant> tenant = currentTenant();
    if (!tenant)
        return;
    auto *dialog = new TenantDialog(m_service, *tenant, TenantDialog::Purpose::Edit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TenantDialog::tenantUpdated, this, [this](const Tenant &updated) {
        m_model->applyChange(updated);
        selectTenant(updated.slug);
    });
    dialog->open();
}

void TenantsPage::deleteTenant()
{
    const std::optional<Tenant> tenant = currentTenant();
    if (!tenant || !nextStatus(tenant->status, LifecycleAction::Delete))
        return;
    const bool confirmed = m_confirmDelete ? m_confirmDelete(*tenant) : confirmDeleteWithDialog(*tenant);
    if (confirmed)
        runLifecycle(LifecycleAction::Delete);
}

void TenantsPage::runLifecycle(LifecycleAction action)
{
    const std::optional<Tenant> tenant = currentTenant();
    if (!tenant || !nextStatus(tenant->status, action))
        return;
    Result<Tenant> changed = [&] {
        WaitCursor wait;
        return m_service->apply(consoleActor(), tenant->slug, action);
    }();
    if (!changed) {
        showErrorBox(failureText(action, tenant->slug), changed.error());
        return;
    }
    m_model->applyChange(changed.value()); // harmless if tenantChanged already did it
}

void TenantsPage::refreshSelectionState()
{
    const std::optional<Tenant> tenant = currentTenant();
    const auto allowed = [&tenant](LifecycleAction action) {
        return tenant && nextStatus(tenant->status, action).ok();
    };
    action(Action::Clone)->setEnabled(tenant && tenant->status != TenantStatus::Purged);
    // The service refuses changes to deleted tenants (restore first) and purged ones are gone.
    action(Action::Edit)->setEnabled(tenant && tenant->status != TenantStatus::Deleted
                                     && tenant->status != TenantStatus::Purged);
    action(Action::Activate)->setEnabled(allowed(LifecycleAction::Activate));
    action(Action::Suspend)->setEnabled(allowed(LifecycleAction::Suspend));
    action(Action::Restore)->setEnabled(allowed(LifecycleAction::Restore));
    action(Action::Delete)->setEnabled(allowed(LifecycleAction::Delete));
    action(Action::New)->setEnabled(m_service != nullptr);
    action(Action::Refresh)->setEnabled(m_service != nullptr);
    updateDetails(tenant);
    updateCount();
}

void TenantsPage::setInsights(UsageSource *usage, Observe::AuditTrail *audit)
{
    if (m_insights || (!usage && !audit))
        return;
    m_insights = new TenantInsights(usage, audit, m_detailLayout->parentWidget());
    m_insights->setObjectName(u"tenantInsights"_s);
    // In place of the stretch that ends the pane: the activity list takes the room left.
    m_detailLayout->insertSpacing(m_detailLayout->count() - 1, 12);
    m_detailLayout->insertWidget(m_detailLayout->count() - 1, m_insights, 1);
    m_insights->showTenant(currentTenant());
}

void TenantsPage::updateDetails(const std::optional<Tenant> &tenant)
{
    if (m_insights)
        m_insights->showTenant(tenant);
    if (!tenant) {
        m_details->setCurrentIndex(0);
        return;
    }
    const Tenant &t = *tenant;
    m_detailName->setText(t.config.displayName);
    m_detailSlug->setText(t.slug);

    m_detailStatus->setText(TenantTableModel::statusLabel(t.status));
    QPalette palette = m_detailStatus->palette();
    palette.setColor(QPalette::WindowText, TenantTableModel::statusColor(t.status));
    m_detailStatus->setPalette(palette);

    m_detailPlan->setText(TenantTableModel::planLabel(t.plan));
    m_detailIsolation->setText(TenantTableModel::isolationLabel(t.isolation));

    const QLocale locale(t.config.locale);
    m_detailLocale->setText(locale.language() == QLocale::C
                                ? t.config.locale
                                : tr("%1 (%2)").arg(t.config.locale, locale.nativeLanguageName()));

    const QTimeZone zone(t.config.timeZone.toUtf8());
    m_detailTimeZone->setText(
        zone.isValid()
            ? tr("%1 (%2)").arg(t.config.timeZone,
                                zone.displayName(QDateTime::currentDateTimeUtc(), QTimeZone::OffsetName))
            : t.config.timeZone);

    const int side = fontMetrics().height();
    QPixmap swatch(side * 2, side);
    swatch.fill(Qt::transparent);
    {
        QPainter painter(&swatch);
        painter.setPen(palette.color(QPalette::Mid));
        painter.setBrush(QColor::fromString(t.config.themeColor));
        painter.drawRoundedRect(QRectF(0.5, 0.5, side * 2 - 1, side - 1), 3, 3);
    }
    m_detailSwatch->setPixmap(swatch);
    m_detailColor->setText(t.config.themeColor);

    m_detailCreated->setText(formatTime(t.createdAt));
    m_detailUpdated->setText(formatTime(t.updatedAt));
    m_detailId->setText(tr("ID %1").arg(t.id));
    const bool deleted = t.status == TenantStatus::Deleted && t.purgeAfter.isValid();
    m_detailPurge->setText(deleted ? tr("after %1").arg(formatTime(t.purgeAfter)) : QString());
    m_detailPurge->setVisible(deleted);
    m_detailPurgeLabel->setVisible(deleted);

    m_details->setCurrentIndex(1);
}

void TenantsPage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    // A bare count next to the title, like a badge: no plural forms to get wrong.
    const QLocale locale;
    m_count->setText(shown == total ? locale.toString(total)
                                    : tr("%1 of %2").arg(locale.toString(shown), locale.toString(total)));
    m_count->setToolTip(tr("Tenants shown / all tenants except purged ones"));
}

void TenantsPage::applyStatusFilter()
{
    const int status = m_statusFilter->currentData().toInt();
    m_proxy->setStatusFilter(status < 0 ? std::nullopt : std::optional(TenantStatus(status)));
}

bool TenantsPage::confirmDeleteWithDialog(const Tenant &tenant)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Delete Tenant"));
    auto *layout = new QVBoxLayout(&dialog);

    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(&dialog);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *question = new QLabel(&dialog);
    question->setTextFormat(Qt::RichText);
    question->setWordWrap(true);
    question->setText(tr("<p>Delete <b>%1</b> (<b>%2</b>)?</p>"
                         "<p>The tenant stops serving requests at once. Its data is kept, and it can "
                         "be restored until it is purged.</p>"
                         "<p>Type <b>%2</b> to confirm:</p>")
                          .arg(tenant.config.displayName.toHtmlEscaped(), tenant.slug.toHtmlEscaped()));
    top->addWidget(question, 1);
    layout->addLayout(top);

    auto *typed = new QLineEdit(&dialog);
    typed->setPlaceholderText(tenant.slug);
    layout->addWidget(typed);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *remove = buttons->addButton(tr("&Delete"), QDialogButtonBox::DestructiveRole);
    remove->setEnabled(false);
    remove->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(typed, &QLineEdit::textChanged, remove,
            [remove, slug = tenant.slug](const QString &text) { remove->setEnabled(text.trimmed() == slug); });
    connect(remove, &QPushButton::clicked, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.setMinimumWidth(440);
    return dialog.exec() == QDialog::Accepted;
}

void TenantsPage::showErrorBox(const QString &what, const Error &error)
{
    if (m_presentError) {
        m_presentError(what, error);
        return;
    }
    QStringList lines{error.message};
    for (const FieldError &field : error.fields)
        lines.append(tr("• %1: %2").arg(TenantDialog::fieldLabel(field.field), field.message));

    QMessageBox box(QMessageBox::Warning, tr("Tenants"), what, QMessageBox::Ok, this);
    box.setInformativeText(lines.join(u'\n'));
    if (!error.code.isEmpty())
        box.setDetailedText(tr("Error code: %1").arg(error.code));
    box.exec();
}

} // namespace Tenantry::Widgets
