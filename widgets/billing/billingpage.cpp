#include "widgets/billing/billingpage.h"

#include "core/billing/billingservice.h"
#include "widgets/billing/planchangedialog.h"
#include "widgets/messagebanner.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString date(qint64 ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date(), QLocale::ShortFormat) : u"–"_s;
}

QTableView *tableFor(QStandardItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QStandardItem *cell(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QStandardItem(text);
    item->setTextAlignment(align);
    return item;
}

QString statusText(const QString &status)
{
    static const QHash<QString, const char *> names{
        {u"trialing"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Trialing")},
        {u"active"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Active")},
        {u"past_due"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Past due")},
        {u"degraded"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Degraded")},
        {u"suspended"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Suspended")},
        {u"canceled"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Canceled")},
        {u"draft"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Draft")},
        {u"open"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Open")},
        {u"paid"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Paid")},
        {u"void"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Void")},
        {u"uncollectible"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Uncollectible")},
        {u"monthly"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Monthly")},
        {u"yearly"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Yearly")},
    };
    const char *name = names.value(status);
    return name ? BillingPage::tr(name) : status;
}

} // namespace

BillingPage::BillingPage(Billing::BillingService *billing, QWidget *parent)
    : QWidget(parent)
    , m_billing(billing)
    , m_openPdf([](const QString &path) { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); })
{
    m_changePlan = [this](const Billing::SubscriptionRow &row) -> std::optional<Billing::PlanChangeQuote> {
        PlanChangeDialog dialog(m_billing, row, this);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.booked();
    };
    m_banner = new MessageBanner(this);
    m_banner->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"billingSummary"_s);

    m_subscriptions = new QStandardItemModel(0, 7, this);
    m_subscriptions->setHorizontalHeaderLabels({tr("Tenant"), tr("Plan"), tr("Cycle"), tr("Status"),
                                                tr("Period start"), tr("Period end"), tr("Scheduled change")});
    m_subscriptionsView = tableFor(m_subscriptions, this);
    m_subscriptionsView->setObjectName(u"subscriptionsTable"_s);

    m_invoices = new QStandardItemModel(0, 8, this);
    m_invoices->setHorizontalHeaderLabels({tr("Number"), tr("Tenant"), tr("Kind"), tr("Status"), tr("Total"),
                                           tr("Amount due"), tr("Issued"), tr("Due")});
    m_invoicesView = tableFor(m_invoices, this);
    m_invoicesView->setObjectName(u"invoicesTable"_s);

    auto *refresh = new QPushButton(tr("Refresh"), this);
    m_runButton = new QPushButton(tr("&Run Billing Now"), this);
    m_runButton->setObjectName(u"runBillingButton"_s);
    m_runButton->setToolTip(tr("Renew ended periods and invoice them, collect payments, mark overdue invoices and "
                               "run dunning, as the server's schedule does"));
    m_runRow = new QWidget(this);
    m_runRow->setObjectName(u"billingRunRow"_s);
    auto *runLayout = new QHBoxLayout(m_runRow);
    runLayout->setContentsMargins(0, 0, 0, 0);
    m_runLabel = new QLabel(m_runRow);
    runLayout->addWidget(m_runLabel);
    m_runProgress = new QProgressBar(m_runRow);
    m_runProgress->setRange(0, 0); // how many periods are due is not known in advance
    runLayout->addWidget(m_runProgress, 1);
    auto *stop = new QPushButton(tr("&Stop"), m_runRow);
    stop->setObjectName(u"stopBillingButton"_s);
    runLayout->addWidget(stop);
    m_runRow->hide();
    connect(stop, &QPushButton::clicked, this, &BillingPage::stopBilling);
    connect(m_runButton, &QPushButton::clicked, this, &BillingPage::runBilling);
    m_changePlanButton = new QPushButton(tr("Change &Plan…"), this);
    m_changePlanButton->setObjectName(u"changePlanButton"_s);
    m_changePlanButton->setToolTip(tr("Move the selected subscription to another plan or cycle, with its proration"));
    m_openButton = new QPushButton(tr("Open PDF"), this);
    m_openButton->setObjectName(u"openInvoicePdf"_s);
    m_saveButton = new QPushButton(tr("Save PDF…"), this);
    m_invoicesTitle = new QLabel(this);
    QFont title = m_invoicesTitle->font();
    title.setBold(true);
    m_invoicesTitle->setFont(title);
    auto *subscriptionsTitle = new QLabel(tr("Subscriptions"), this);
    subscriptionsTitle->setFont(title);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(subscriptionsTitle);
    header->addStretch(1);
    header->addWidget(m_summary);
    header->addWidget(m_changePlanButton);
    header->addWidget(m_runButton);
    header->addWidget(refresh);
    topLayout->addLayout(header);
    topLayout->addWidget(m_subscriptionsView);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_invoicesTitle);
    actions->addStretch(1);
    actions->addWidget(m_openButton);
    actions->addWidget(m_saveButton);
    bottomLayout->addLayout(actions);
    bottomLayout->addWidget(m_invoicesView);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_runRow);
    layout->addWidget(split, 1);

    connect(refresh, &QPushButton::clicked, this, &BillingPage::reload);
    connect(m_changePlanButton, &QPushButton::clicked, this, &BillingPage::changeSelectedPlan);
    connect(m_openButton, &QPushButton::clicked, this, &BillingPage::openSelectedPdf);
    connect(m_saveButton, &QPushButton::clicked, this, &BillingPage::savePdf);
    connect(m_subscriptionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BillingPage::loadInvoices);
    connect(m_invoicesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const bool selected = !selectedInvoice().isEmpty();
        m_openButton->setEnabled(selected);
        m_saveButton->setEnabled(selected);
    });
    m_openButton->setEnabled(false);
    m_saveButton->setEnabled(false);
    m_changePlanButton->setEnabled(false);
}

BillingPage::~BillingPage()
{
    if (m_run) {
        m_stopRun = true;
        m_run->wait();
        delete m_run;
    }
}

void BillingPage::runBilling()
{
    if (m_run)
        return;
    m_stopRun = false;
    m_runButton->setEnabled(false);
    m_runLabel->setText(tr("Billing…"));
    m_runRow->show();
    Billing::BillingService *billing = m_billing;
    // The thread posts only to this page, which waits for it before it goes.
    m_run = QThread::create([this, billing] {
        Billing::BillingRunControl control;
        control.stop = [this] { return m_stopRun.load(); };
        control.progress = [this](const QString &stage, int renewed) {
            QMetaObject::invokeMethod(this, [this, stage, renewed] {
                static const QHash<QString, const char *> stages{
                    {u"renewing"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Renewing ended periods…")},
                    {u"collecting"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Collecting payments…")},
                    {u"overdue"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Marking overdue invoices…")},
                    {u"dunning"_s, QT_TRANSLATE_NOOP("Tenantry::Widgets::BillingPage", "Running dunning…")}};
                const char *text = stages.value(stage);
                QString label = text ? tr(text) : stage;
                if (renewed > 0)
                    label += u' ' + tr("(%n renewed)", nullptr, renewed);
                m_runLabel->setText(label);
            }, Qt::QueuedConnection);
        };
        Result<Billing::BillingRunReport> report = billing->runBilling(control);
        QMetaObject::invokeMethod(this, [this, report = std::move(report)] { billingDone(report); },
                                  Qt::QueuedConnection);
    });
    m_run->setObjectName(u"billing-run"_s);
    m_run->start();
}

void BillingPage::stopBilling()
{
    m_stopRun = true;
    m_runLabel->setText(tr("Stopping after the current step…"));
}

void BillingPage::billingDone(const Result<Billing::BillingRunReport> &report)
{
    m_run->wait();
    delete m_run;
    m_run = nullptr;
    m_runRow->hide();
    m_runButton->setEnabled(true);
    reloadKeepingSelection();
    if (!report) {
        fail(tr("The billing run failed."), report.error());
        return;
    }
    const Billing::BillingRunReport &r = report.value();
    QString text = tr("Billing ran: %1 renewed, %2 invoiced, %3 paid, %4 payments failed.")
                       .arg(r.renewed)
                       .arg(r.invoiced)
                       .arg(r.paymentsSucceeded)
                       .arg(r.paymentsFailed);
    if (r.stopped)
        text = tr("Billing stopped: %1 renewed, %2 invoiced so far; the next run does the rest.")
                   .arg(r.renewed)
                   .arg(r.invoiced);
    if (!r.problems.isEmpty())
        text += u' ' + tr("Problems: %1").arg(r.problems.join(u"; "_s));
    m_banner->showMessage(r.problems.isEmpty() ? MessageBanner::Kind::Information : MessageBanner::Kind::Warning,
                          text);
    m_banner->show();
}

QString BillingPage::selectedTenant() const
{
    const QModelIndex current = m_subscriptionsView->currentIndex();
    return current.isValid() ? m_subscriptions->item(current.row(), 0)->data(kIdRole).toString() : QString();
}

void BillingPage::reloadKeepingSelection()
{
    const QString slug = selectedTenant();
    reload();
    for (int r = 0; r < m_subscriptions->rowCount() && !slug.isEmpty(); ++r) {
        if (m_subscriptions->item(r, 0)->data(kIdRole).toString() == slug)
            m_subscriptionsView->selectRow(r);
    }
}

void BillingPage::changeSelectedPlan()
{
    const QString slug = selectedTenant();
    if (slug.isEmpty())
        return;
    const auto row = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                  [&](const Billing::SubscriptionRow &r) { return r.tenantSlug == slug; });
    if (row == m_rows.cend())
        return;
    const std::optional<Billing::PlanChangeQuote> booked = m_changePlan(*row);
    if (!booked)
        return;
    reloadKeepingSelection();
    const QString net = u"%1 %2"_s.arg(booked->net.decimal(), booked->net.currency().code);
    m_banner->showMessage(MessageBanner::Kind::Information,
                          booked->timing == Billing::ChangeTiming::Immediate
                              ? tr("%1 is on %2 now; the next invoice adds %3.").arg(slug, booked->toPlan, net)
                              : tr("%1 moves to %2 when its period ends.").arg(slug, booked->toPlan));
    m_banner->show();
}

void BillingPage::fail(const QString &what, const Error &error)
{
    m_banner->showMessage(MessageBanner::Kind::Error, u"%1 %2"_s.arg(what, error.message));
    m_banner->show();
}

void BillingPage::reload()
{
    m_banner->hide();
    auto rows = m_billing->subscriptionRows();
    m_subscriptions->removeRows(0, m_subscriptions->rowCount());
    m_rows = rows ? rows.value() : QList<Billing::SubscriptionRow>();
    if (!rows) {
        fail(tr("Could not load the subscriptions."), rows.error());
        return;
    }
    int behind = 0;
    for (const Billing::SubscriptionRow &row : rows.value()) {
        const Billing::Subscription &s = row.subscription;
        const QString status = Billing::subscriptionStatusName(s.status);
        if (s.status == Billing::SubscriptionStatus::PastDue || Billing::isDegraded(s.status))
            ++behind;
        QList<QStandardItem *> items{cell(row.tenantSlug),
                                     cell(TenantTableModel::planLabel(s.plan)),
                                     cell(statusText(s.cycle)),
                                     cell(statusText(status)),
                                     cell(date(s.periodStartMs)),
                                     cell(date(s.periodEndMs)),
                                     cell(s.scheduledPlan.isEmpty() ? QString()
                                                                    : tr("%1 on %2").arg(TenantTableModel::planLabel(s.scheduledPlan), date(s.periodEndMs)))};
        items.first()->setData(row.tenantSlug, kIdRole);
        if (s.status != Billing::SubscriptionStatus::Active && s.status != Billing::SubscriptionStatus::Trialing)
            items[3]->setForeground(QColor(0xc0, 0x39, 0x2b)); // behind on payments: stands out
        m_subscriptions->appendRow(items);
    }
    m_summary->setText(tr("%n subscription(s)", nullptr, int(rows->size())) + u"  ·  "_s
                       + tr("%n behind on payments", nullptr, behind));
    m_subscriptionsView->resizeColumnsToContents();
    loadInvoices();
}

void BillingPage::loadInvoices()
{
    const QString slug = selectedTenant();
    m_changePlanButton->setEnabled(!slug.isEmpty());
    m_invoicesTitle->setText(slug.isEmpty() ? tr("Invoices of every tenant") : tr("Invoices of %1").arg(slug));
    m_invoices->removeRows(0, m_invoices->rowCount());
    auto invoices = m_billing->invoiceList(slug, 500);
    if (!invoices) {
        fail(tr("Could not load the invoices."), invoices.error());
        return;
    }
    const auto right = Qt::AlignRight | Qt::AlignVCenter;
    for (const Billing::Invoice &invoice : invoices.value()) {
        const bool owed = invoice.kind == Billing::InvoiceKind::Invoice
            && (invoice.status == Billing::InvoiceStatus::Open || invoice.status == Billing::InvoiceStatus::Uncollectible);
        const qint64 due = owed ? invoice.total.minor() - invoice.amountPaid.minor() : 0;
        const QString code = invoice.currency.code;
        QList<QStandardItem *> items{
            cell(invoice.number.isEmpty() ? tr("(draft)") : invoice.number),
            cell(invoice.tenantSlug),
            cell(invoice.kind == Billing::InvoiceKind::CreditNote ? tr("Credit note") : tr("Invoice")),
            cell(statusText(Billing::invoiceStatusName(invoice.status))),
            cell(invoice.total.decimal() + u' ' + code, right),
            cell(Billing::Money(due, invoice.currency).decimal() + u' ' + code, right),
            cell(date(invoice.issuedMs)),
            cell(date(invoice.dueMs)),
        };
        items.first()->setData(invoice.id, kIdRole);
        m_invoices->appendRow(items);
    }
    m_invoicesView->resizeColumnsToContents();
    m_openButton->setEnabled(false);
    m_saveButton->setEnabled(false);
}

QString BillingPage::selectedInvoice() const
{
    const QModelIndex current = m_invoicesView->currentIndex();
    return current.isValid() ? m_invoices->item(current.row(), 0)->data(kIdRole).toString() : QString();
}

bool BillingPage::openSelectedPdf()
{
    const QString id = selectedInvoice();
    if (id.isEmpty())
        return false;
    const QString number = m_invoices->item(m_invoicesView->currentIndex().row(), 0)->text();
    const QString path = QDir::temp().filePath(u"tenantry-%1.pdf"_s.arg(number.startsWith(u'(') ? id : number));
    if (!writePdf(id, path))
        return false;
    m_openPdf(path);
    return true;
}

bool BillingPage::writePdf(const QString &id, const QString &path)
{
    auto pdf = m_billing->invoicePdf(id);
    if (!pdf) {
        fail(tr("Could not render the invoice."), pdf.error());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf.value()) != pdf->size() || !file.commit()) {
        fail(tr("Could not write the invoice."), Error::internal(file.errorString()));
        return false;
    }
    return true;
}

void BillingPage::savePdf()
{
    const QString id = selectedInvoice();
    if (id.isEmpty())
        return;
    const QString number = m_invoices->item(m_invoicesView->currentIndex().row(), 0)->text();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save invoice"), number + u".pdf"_s, tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        writePdf(id, path);
}

} // namespace Tenantry::Widgets
