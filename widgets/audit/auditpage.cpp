#include "widgets/audit/auditpage.h"

#include "widgets/audit/auditfilterbar.h"
#include "widgets/audit/audittablemodel.h"
#include "widgets/audit/jsondiffview.h"
#include "widgets/messagebanner.h"
#include "widgets/uihelpers.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

QLabel *detailValue(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// A hash: 64 characters that do not wrap, so a read-only line edit that scrolls.
QLineEdit *hashValue(QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setReadOnly(true);
    edit->setFrame(false);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    edit->setFont(font);
    edit->setBackgroundRole(QPalette::Window);
    QPalette palette = edit->palette();
    palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    edit->setPalette(palette);
    return edit;
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

AuditPage::AuditPage(Observe::AuditTrail *trail, TenantService *tenants, QWidget *parent)
    : QWidget(parent)
    , m_trail(trail)
    , m_model(new AuditTableModel(trail, tenants, this))
    , m_filters(new AuditFilterBar(m_model, this))
{
    connect(m_filters, &AuditFilterBar::applyRequested, this, &AuditPage::applyFilters);
    connect(m_filters, &AuditFilterBar::resetRequested, this, &AuditPage::resetFilters);
    // F5 loads the newest entries again, as on the Tenants page.
    auto *refresh = new QAction(this);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QAction::triggered, this, &AuditPage::applyFilters);
    addAction(refresh);

    // Header: title, count, and the whole-log actions on the right.
    auto *title = new QLabel(tr("Audit Log"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    m_count = new QLabel(this);
    m_count->setObjectName(u"auditCountLabel"_s);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_verifyButton = new QPushButton(themedIcon(this, u"security-high"_s, QStyle::SP_DialogApplyButton),
                                     tr("&Verify Chain…"), this);
    m_verifyButton->setObjectName(u"verifyChainButton"_s);
    m_verifyButton->setToolTip(tr("Check that no audit entry was altered, removed or reordered"));
    m_exportButton = new QPushButton(themedIcon(this, u"document-save-as"_s, QStyle::SP_DialogSaveButton),
                                     tr("E&xport…"), this);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setToolTip(tr("Write the entries matching the applied filters to a CSV or JSON lines file"));
    for (QPushButton *button : {m_verifyButton, m_exportButton})
        button->setAutoDefault(false);
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditPage::chooseExportFile);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(8);
    header->addWidget(m_count, 0, Qt::AlignBottom);
    header->addStretch();
    header->addWidget(m_verifyButton);
    header->addWidget(m_exportButton);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"auditBanner"_s);

    // Table, or a sentence when there is nothing to show.
    m_view = new QTableView(this);
    m_view->setObjectName(u"auditTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setStretchLastSection(false);
    const int ch = m_view->fontMetrics().averageCharWidth();
    // Wide enough for the locale's longest date and time (averageCharWidth misjudges CJK fonts).
    const QString longestTime = AuditTableModel::localTimeText(QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59)));
    columns->resizeSection(AuditTableModel::TimeColumn, m_view->fontMetrics().horizontalAdvance(longestTime) + ch * 3);
    columns->resizeSection(AuditTableModel::ActorColumn, ch * 24);
    columns->resizeSection(AuditTableModel::TenantColumn, ch * 16);
    columns->resizeSection(AuditTableModel::ActionColumn, ch * 20);
    columns->setSectionResizeMode(AuditTableModel::TargetColumn, QHeaderView::Stretch);
    columns->resizeSection(AuditTableModel::SourceColumn, ch * 16);

    m_empty = new QLabel(this);
    m_empty->setObjectName(u"auditEmptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(24);
    m_tableStack = new QStackedWidget(this);
    m_tableStack->addWidget(m_view);
    m_tableStack->addWidget(m_empty);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tableStack);
    splitter->addWidget(buildDetailsPane());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 340});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_filters);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditPage::updateDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        updateEmptyState();
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditPage::updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AuditPage::updateDetails);
    connect(m_model, &AuditTableModel::tenantNamesChanged, m_filters, &AuditFilterBar::refreshTenantChoices);
    connect(m_model, &AuditTableModel::fetchFailed, this, [this](const Error &error) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Could not load older entries: %1 (%2)").arg(error.message, error.code));
        updateCount();
    });

    updateCount();
    updateEmptyState();
    updateDetails();
    m_verifyButton->setEnabled(m_trail != nullptr);
    m_exportButton->setEnabled(m_trail != nullptr);
}

AuditPage::~AuditPage()
{
    if (m_worker) {
        m_worker->cancelExport();
        m_thread.quit();
        // A verification cannot be interrupted; it reads at several hundred thousand
        // entries a second, so this wait is short.
        m_thread.wait();
    }
}

QWidget *AuditPage::buildDetailsPane()
{
    m_details = new QStackedWidget(this);
    m_details->setObjectName(u"auditDetails"_s);

    auto *placeholder = new QLabel(tr("Select an entry to see its details."), m_details);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_details->addWidget(placeholder);

    auto *pane = new QWidget(m_details);
    auto *layout = new QHBoxLayout(pane);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->setSpacing(16);

    // The fields scroll rather than clip when the pane is short.
    auto *scroll = new QScrollArea(pane);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setBackgroundRole(QPalette::Window);
    const int ch = fontMetrics().averageCharWidth();
    scroll->setMinimumWidth(ch * 58);
    scroll->setMaximumWidth(ch * 70);
    auto *fields = new QWidget(scroll);
    fields->setBackgroundRole(QPalette::Window);
    auto *column = new QVBoxLayout(fields);
    column->setContentsMargins(0, 0, 8, 0);
    m_detailTitle = detailValue(fields);
    m_detailTitle->setObjectName(u"detailAction"_s);
    QFont titleFont = m_detailTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_detailTitle->setFont(titleFont);
    column->addWidget(m_detailTitle);
    m_detailSubtitle = detailValue(fields);
    m_detailSubtitle->setObjectName(u"detailSummary"_s);
    m_detailSubtitle->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_detailSubtitle);
    column->addSpacing(4);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setVerticalSpacing(4);
    const auto addRow = [&](const QString &label, QLabel *&value, const QString &name) {
        value = detailValue(fields);
        value->setObjectName(name);
        form->addRow(label, value);
    };
    addRow(tr("Time:"), m_detailTime, u"detailTime"_s);
    addRow(tr("UTC:"), m_detailUtc, u"detailUtc"_s);
    addRow(tr("Actor:"), m_detailActor, u"detailActor"_s);
    addRow(tr("Tenant:"), m_detailTenant, u"detailTenant"_s);
    m_detailTenantId = hashValue(fields);
    m_detailTenantId->setObjectName(u"detailTenantId"_s);
    form->addRow(tr("Tenant ID:"), m_detailTenantId);
    addRow(tr("Target:"), m_detailTarget, u"detailTarget"_s);
    addRow(tr("Request:"), m_detailRequest, u"detailRequest"_s);
    addRow(tr("Source:"), m_detailSource, u"detailSource"_s);
    m_detailHash = hashValue(fields);
    m_detailHash->setObjectName(u"detailHash"_s);
    form->addRow(tr("Hash:"), m_detailHash);
    m_detailPrevHash = hashValue(fields);
    m_detailPrevHash->setObjectName(u"detailPrevHash"_s);
    form->addRow(tr("Previous hash:"), m_detailPrevHash);
    column->addLayout(form);
    column->addStretch();
    scroll->setWidget(fields);
    layout->addWidget(scroll);

    m_diff = new JsonDiffView(pane);
    m_diff->setObjectName(u"detailDiff"_s);
    layout->addWidget(m_diff, 1);

    m_details->addWidget(pane);
    return m_details;
}


std::optional<Observe::AuditEntry> AuditPage::currentEntry() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->entryAt(rows.first().row());
}

bool AuditPage::selectSeq(qint64 seq)
{
    const int row = m_model->rowOfSeq(seq);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

Result<Observe::AuditQuery> AuditPage::filterQuery() const
{
    Result<Observe::AuditQuery> query = m_filters->query();
    if (query)
        query->limit = m_model->pageSize();
    return query;
}

void AuditPage::setErrorPresenter(ErrorPresenter present)
{
    m_presentError = std::move(present);
}

void AuditPage::setVerifyPresenter(VerifyPresenter present)
{
    m_presentVerify = std::move(present);
}

void AuditPage::setExportPresenter(ExportPresenter present)
{
    m_presentExport = std::move(present);
}

void AuditPage::applyFilters()
{
    Result<Observe::AuditQuery> query = filterQuery();
    if (!query) {
        m_banner->showMessage(MessageBanner::Kind::Error, query.error().message);
        return;
    }
    load(query.value());
}

void AuditPage::resetFilters()
{
    m_filters->clear();
    applyFilters();
}

void AuditPage::filterByAction(const QString &action)
{
    m_filters->clear();
    m_filters->setAction(action);
    applyFilters();
}

void AuditPage::showEntry(qint64 seq)
{
    m_filters->clear();
    Result<Observe::AuditQuery> query = filterQuery();
    if (!query)
        return;
    query->afterSeq = seq + 1; // the table starts at `seq` (a newest-first cursor is exclusive)
    load(query.value());
    if (m_model->rowCount() == 0)
        return;
    if (!selectSeq(seq)) // a missing entry: select the one before the gap
        m_view->selectRow(0);
    m_banner->showMessage(MessageBanner::Kind::Information,
                          tr("Showing entry #%1 and the entries before it. Apply or Reset shows the newest "
                             "entries again.")
                              .arg(seq));
}


void AuditPage::load(const Observe::AuditQuery &query)
{
    const std::optional<Observe::AuditEntry> current = currentEntry();
    Status loaded = [&] {
        WaitCursor wait;
        return m_model->reload(query);
    }();
    m_loadedOnce = true;
    if (!loaded) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Could not load the audit log: %1 (%2)").arg(loaded.error().message, loaded.error().code));
        return;
    }
    m_banner->hide();
    if (current)
        selectSeq(current->seq);
}


void AuditPage::updateCount()
{
    const int loaded = m_model->rowCount();
    const bool more = m_model->canFetchMore({});
    // A bare count next to the title, like a badge: "+" when older entries load on scrolling.
    m_count->setText(more ? tr("%1+").arg(number(loaded)) : number(loaded));
    m_count->setToolTip(more ? tr("Entries loaded; older ones load as you scroll") : tr("Matching entries"));
}

void AuditPage::updateDetails()
{
    const std::optional<Observe::AuditEntry> entry = currentEntry();
    if (!entry) {
        m_details->setCurrentIndex(0);
        m_diff->clear();
        return;
    }
    const Observe::AuditEntry &e = *entry;
    m_detailTitle->setText(e.action);
    const QString description = AuditTableModel::actionDescription(e.action);
    m_detailSubtitle->setText(description.isEmpty() ? tr("Entry #%1").arg(e.seq)
                                                    : tr("%1 · entry #%2").arg(description).arg(e.seq));
    m_detailTime->setText(AuditTableModel::localTimeText(e.at));
    m_detailUtc->setText(AuditTableModel::utcTimeText(e.at));
    m_detailActor->setText(e.actor);
    const auto slug = m_model->slugOf(e.tenantId);
    if (e.tenantId.isEmpty())
        m_detailTenant->setText(tr("None"));
    else
        m_detailTenant->setText(slug ? *slug : tr("No current tenant (purged or unknown)"));
    m_detailTarget->setText(e.target);
    m_detailRequest->setText(e.requestId.isEmpty() ? tr("None") : e.requestId);
    m_detailSource->setText(e.source.isEmpty() ? tr("None") : e.source);
    for (const auto &[edit, text] : {std::pair{m_detailTenantId, e.tenantId}, std::pair{m_detailHash, e.hash},
                                     std::pair{m_detailPrevHash, e.prevHash}}) {
        edit->setText(text);
        edit->setCursorPosition(0);
    }
    m_diff->setStates(e.before, e.after);
    m_details->setCurrentIndex(1);
}

void AuditPage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_tableStack->setCurrentWidget(m_view);
        return;
    }
    const Observe::AuditQuery &query = m_model->query();
    const bool filtered = !query.tenantId.isEmpty() || !query.actor.isEmpty() || !query.action.isEmpty()
                          || query.from.isValid() || query.to.isValid() || query.afterSeq > 0;
    if (!m_trail)
        m_empty->setText(tr("The console is not connected to an audit trail."));
    else if (!m_loadedOnce)
        m_empty->setText(tr("Loading…"));
    else if (filtered)
        m_empty->setText(tr("No audit entries match these filters."));
    else
        m_empty->setText(tr("The audit log is empty. Changes to tenants and API keys, failed authentications "
                            "and anomalies appear here as they happen."));
    m_tableStack->setCurrentWidget(m_empty);
}


void AuditPage::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_verifyButton->setEnabled(!busy && m_trail);
    m_exportButton->setEnabled(!busy && m_trail);
    Q_EMIT busyChanged(busy);
}

void AuditPage::startWorker()
{
    if (m_worker)
        return;
    m_worker = new AuditWorker(m_trail);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(u"audit-worker"_s);

    const auto finish = [this] {
        if (m_progress) {
            m_progress->reset();
            m_progress->deleteLater();
            m_progress = nullptr;
        }
        setBusy(false);
    };
    connect(m_worker, &AuditWorker::verifyProgress, this, [this](qint64 checked) {
        if (!m_progress)
            return;
        const qint64 total = m_progress->property("total").toLongLong();
        if (total > 0)
            m_progress->setValue(int(std::min<qint64>(1000, checked * 1000 / total)));
        m_progress->setLabelText(total > 0 ? tr("Checked %1 of %2 entries…").arg(number(checked), number(total))
                                           : tr("Checked %1 entries…").arg(number(checked)));
    });
    connect(m_worker, &AuditWorker::verified, this, [this, finish](const Observe::VerifyReport &report) {
        finish();
        presentVerifyReport(report);
    });
    connect(m_worker, &AuditWorker::verifyFailed, this, [this, finish](const Error &error) {
        finish();
        presentError(tr("Could not verify the audit trail."), error);
    });
    connect(m_worker, &AuditWorker::exportProgress, this, [this](qint64 written) {
        if (m_progress && !m_progress->wasCanceled())
            m_progress->setLabelText(tr("Exporting the audit log… %1 entries written").arg(number(written)));
    });
    connect(m_worker, &AuditWorker::exported, this, [this, finish](qint64 written, const QString &path) {
        finish();
        presentExport(written, path);
    });
    connect(m_worker, &AuditWorker::exportCancelled, this, [this, finish] {
        finish();
        m_banner->showMessage(MessageBanner::Kind::Information,
                              tr("The export was cancelled; no file was written."));
    });
    connect(m_worker, &AuditWorker::exportFailed, this, [this, finish](const Error &error) {
        finish();
        presentError(tr("Could not export the audit log."), error);
    });
    m_thread.start();
}

void AuditPage::verifyChain()
{
    if (m_busy || !m_trail)
        return;
    startWorker();
    setBusy(true);
    const qint64 total = newestSeq();
    m_progress = new QProgressDialog(tr("Verifying the audit trail…"), QString(), 0, total > 0 ? 1000 : 0, this);
    m_progress->setObjectName(u"verifyProgress"_s);
    m_progress->setWindowTitle(tr("Verify Audit Trail"));
    m_progress->setProperty("total", total);
    m_progress->setCancelButton(nullptr); // verify() cannot be interrupted
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    m_worker->startVerify();
}

void AuditPage::chooseExportFile()
{
    if (m_busy || !m_trail)
        return;
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString jsonFilter = tr("JSON lines files (*.jsonl)");
    QString selected = csvFilter;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(u"audit-%1.csv"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s)));
    QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"), suggested,
                                                csvFilter + u";;"_s + jsonFilter, &selected);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    AuditWorker::Format format = AuditWorker::Format::Csv;
    if (suffix == "jsonl"_L1 || suffix == "json"_L1 || suffix == "ndjson"_L1) {
        format = AuditWorker::Format::JsonLines;
    } else if (suffix != "csv"_L1) {
        format = selected == jsonFilter ? AuditWorker::Format::JsonLines : AuditWorker::Format::Csv;
        path += format == AuditWorker::Format::Csv ? u".csv"_s : u".jsonl"_s;
    }
    exportTo(path, format);
}

void AuditPage::exportTo(const QString &path, AuditWorker::Format format)
{
    if (m_busy || !m_trail)
        return;
    startWorker();
    setBusy(true);
    m_progress = new QProgressDialog(tr("Exporting the audit log…"), tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setWindowTitle(tr("Export Audit Log"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_worker->cancelExport();
        if (m_progress) {
            // Stays up until the worker has stopped and removed its temporary file.
            m_progress->setLabelText(tr("Cancelling…"));
            m_progress->show();
        }
    });
    m_progress->setValue(0);
    m_worker->startExport(m_model->query(), format, path);
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce && m_trail)
        QMetaObject::invokeMethod(this, [this] {
            if (!m_loadedOnce)
                applyFilters();
        }, Qt::QueuedConnection);
}

void AuditPage::presentError(const QString &what, const Error &error)
{
    if (m_presentError) {
        m_presentError(what, error);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Audit Log"), what, QMessageBox::Ok, this);
    box.setInformativeText(error.message);
    if (!error.code.isEmpty())
        box.setDetailedText(tr("Error code: %1").arg(error.code));
    box.exec();
}

void AuditPage::presentVerifyReport(const Observe::VerifyReport &report)
{
    if (m_presentVerify) {
        m_presentVerify(report);
        return;
    }
    if (report.intact) {
        QMessageBox box(QMessageBox::Information, tr("Verify Audit Trail"), tr("The audit trail is intact."),
                        QMessageBox::Ok, this);
        box.setInformativeText(report.checked == 1
                                   ? tr("The one entry was checked: it matches its hash.")
                                   : tr("All %1 entries were checked: each matches its hash and links to the "
                                        "entry before it.")
                                         .arg(number(report.checked)));
        box.exec();
        return;
    }
    QString problem;
    const QString seq = number(report.firstBadSeq);
    if (report.problem == "altered"_L1)
        problem = tr("Entry #%1 was altered: its content no longer matches its hash, or it no longer links to "
                     "the entry before it.").arg(seq);
    else if (report.problem == "missing"_L1)
        problem = tr("Entry #%1 is missing: it was removed from the log.").arg(seq);
    else if (report.problem == "reordered"_L1)
        problem = tr("Entry #%1 is not where it was recorded: entries were moved or swapped.").arg(seq);
    else if (report.problem == "truncated"_L1)
        problem = tr("The newest entries, from #%1 on, were removed.").arg(seq);
    else
        problem = report.message;
    if (report.firstBadSeq > 1)
        problem += u"\n\n"_s + tr("Entries #1 to #%1 are intact.").arg(number(report.firstBadSeq - 1));

    QMessageBox box(QMessageBox::Critical, tr("Verify Audit Trail"),
                    tr("The audit trail has been tampered with."), QMessageBox::Close, this);
    box.setInformativeText(problem);
    box.setDetailedText(report.message);
    QPushButton *show = nullptr;
    if (report.problem != "truncated"_L1)
        show = box.addButton(tr("&Show Entry"), QMessageBox::ActionRole);
    box.exec();
    if (show && box.clickedButton() == show)
        showEntry(report.firstBadSeq);
}

void AuditPage::presentExport(qint64 written, const QString &path)
{
    if (m_presentExport) {
        m_presentExport(written, path);
        return;
    }
    const QString file = QDir::toNativeSeparators(path);
    m_banner->showMessage(MessageBanner::Kind::Information,
                          written == 1 ? tr("Exported 1 entry to %1.").arg(file)
                                       : tr("Exported %1 entries to %2.").arg(number(written), file));
}

qint64 AuditPage::newestSeq() const
{
    Observe::AuditQuery query;
    query.newestFirst = true;
    query.limit = 1;
    Result<Observe::AuditPage> page = m_trail->query(query);
    return page && !page->items.isEmpty() ? page->items.first().seq : 0;
}

} // namespace Tenantry::Widgets
