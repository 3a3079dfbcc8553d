#include "documents/invoicepdf.h"

#include "documents/pdfcanvas.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Tenantry::Documents {
namespace {

using Billing::Invoice;
using Billing::InvoiceLine;
using Billing::Money;

// Geometry in millimetres on an A4 portrait page (210 x 297), as in the usage report.
constexpr qreal kPageWidth = 210;
constexpr qreal kMarginX = 16;
constexpr qreal kContentWidth = kPageWidth - 2 * kMarginX;
constexpr qreal kTableBottom = 278;
constexpr qreal kFooterLine = 281;
constexpr qreal kHeaderHeight = 7;
constexpr qreal kLineHeight = 9;    // a line: its description and, under it, its period
constexpr qreal kDetailHeight = 5;  // a detail row, indented under its line
constexpr qreal kFirstTableTop = 110;
constexpr qreal kNextTableTop = 26;
constexpr qreal kTotalsHeight = 44; // subtotal … amount due, and the memo

const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x6b, 0x72, 0x80);
const QColor kDefaultAccent(0x2f, 0x6f, 0xeb);
const QColor kStripe(0xf3, 0xf5, 0xf8);
const QColor kRule(0xd1, 0xd5, 0xdb);

struct Column {
    QString title;
    qreal width;
    bool numeric;
};

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QString grouped(qint64 n)
{
    return english().toString(n);
}

// "1,234.50": the exact decimal with thousands separators, never through a double.
QString amountText(const Money &m)
{
    const QString decimal = m.decimal();
    const bool negative = decimal.startsWith(u'-');
    const QString body = negative ? decimal.sliced(1) : decimal;
    const qsizetype point = body.indexOf(u'.');
    QString whole = point < 0 ? body : body.first(point);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return (negative ? u"−"_s : QString()) + whole + (point < 0 ? QString() : body.sliced(point));
}

QString money(const Money &m)
{
    return amountText(m) + u' ' + m.currency().code;
}

QString date(qint64 ms)
{
    if (ms == 0)
        return u"—"_s;
    return english().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date(), u"d MMM yyyy"_s);
}

QString period(qint64 startMs, qint64 endMs)
{
    if (startMs == 0 && endMs == 0)
        return QString();
    return u"%1 – %2"_s.arg(date(startMs), date(endMs));
}

// 190000 ppm → "19 %", 75000 → "7.5 %".
QString rate(qint64 ppm)
{
    QString fraction = QString::number(ppm % 10000).rightJustified(4, u'0');
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    return QString::number(ppm / 10000) + (fraction.isEmpty() ? QString() : u'.' + fraction) + u" %"_s;
}

QString stampText(Billing::InvoiceStatus status)
{
    using S = Billing::InvoiceStatus;
    switch (status) {
    case S::Draft: return u"DRAFT"_s;
    case S::Paid: return u"PAID"_s;
    case S::Void: return u"VOID"_s;
    case S::Uncollectible: return u"UNCOLLECTIBLE"_s;
    case S::Open: return QString();
    }
    return QString();
}

// One printed row of the table: a line, or one of its details.
struct Row {
    const InvoiceLine *line;
    qsizetype detail; // -1 for the line itself
    qreal height;
};

class InvoiceDocument
{
public:
    InvoiceDocument(const Invoice &invoice, PdfCanvas &canvas) : m_invoice(invoice), m_canvas(canvas)
    {
        const QColor accent(invoice.branding.accentColor);
        m_accent = invoice.branding.accentColor.size() == 7 && accent.isValid() ? accent : kDefaultAccent;
        const QString code = invoice.currency.code;
        m_columns = {{u"Description"_s, 84, false},
                     {u"Quantity"_s, 20, true},
                     {u"Unit"_s, 24, false},
                     {u"Unit price (%1)"_s.arg(code), 25, true},
                     {u"Amount (%1)"_s.arg(code), 25, true}};
        for (const InvoiceLine &line : invoice.lines) {
            m_rows.append({&line, -1, kLineHeight});
            for (qsizetype d = 0; d < line.details.size(); ++d)
                m_rows.append({&line, d, kDetailHeight});
        }
        paginate();
    }

    bool paint()
    {
        const int pages = int(m_pageStarts.size());
        for (int page = 0; page < pages; ++page) {
            if (page > 0 && !m_canvas.newPage())
                return false;
            qreal y = page == 0 ? kFirstTableTop : kNextTableTop;
            if (page == 0)
                paintHead();
            else
                paintRunningHeader();
            const qsizetype end = page + 1 < pages ? m_pageStarts[page + 1] : m_rows.size();
            if (m_pageStarts[page] < end || page == 0) {
                paintTableHeader(y);
                y += kHeaderHeight;
            }
            for (qsizetype r = m_pageStarts[page]; r < end; ++r) {
                paintRow(y, m_rows[r]);
                y += m_rows[r].height;
            }
            if (page == pages - 1)
                paintTotals(y + 4);
            paintFooter(page + 1, pages);
        }
        return true;
    }

private:
    // Rows fill pages top to bottom; the totals go under the last row, on a page of their own
    // when they do not fit below it.
    void paginate()
    {
        m_pageStarts = {0};
        qreal y = kFirstTableTop + kHeaderHeight;
        for (qsizetype r = 0; r < m_rows.size(); ++r) {
            if (y + m_rows[r].height > kTableBottom) {
                m_pageStarts.append(r);
                y = kNextTableTop + kHeaderHeight;
            }
            y += m_rows[r].height;
        }
        if (y + 4 + kTotalsHeight > kTableBottom)
            m_pageStarts.append(m_rows.size());
    }

    QString title() const
    {
        return m_invoice.kind == Billing::InvoiceKind::CreditNote ? u"Credit note"_s : u"Invoice"_s;
    }

    QString customerName() const
    {
        return m_invoice.branding.displayName.isEmpty() ? m_invoice.customer.name : m_invoice.branding.displayName;
    }

    void paintHead()
    {
        const Invoice &inv = m_invoice;
        m_canvas.fill(QRectF(0, 0, kPageWidth, 5), m_accent);
        m_canvas.text(QRectF(kMarginX, 12, 90, 12), Qt::AlignLeft | Qt::AlignVCenter, title(),
                      PdfCanvas::font(22, true), m_accent);
        const QString stamp = stampText(inv.status);
        if (!stamp.isEmpty()) {
            const QColor colour = inv.status == Billing::InvoiceStatus::Paid ? QColor(0x15, 0x80, 0x3d)
                                  : inv.status == Billing::InvoiceStatus::Draft ? kMuted
                                                                                : QColor(0xb9, 0x1c, 0x1c);
            const qreal w = 8 + 4.2 * qreal(stamp.size());
            m_canvas.frame(QRectF(kMarginX + 62, 14, w, 8.5), colour, 0.6, 1.2);
            m_canvas.text(QRectF(kMarginX + 62, 14, w, 8.5), Qt::AlignCenter, stamp, PdfCanvas::font(11, true),
                          colour);
        }
        // The customer's logo, top right.
        m_canvas.image(QRectF(kMarginX + kContentWidth - 45, 11, 45, 14), inv.branding.logo);

        // From: the issuer.
        qreal y = 32;
        partyBlock(kMarginX, y, u"From"_s, inv.issuer.name, inv.issuer);

        // The document's facts, right column.
        QList<std::pair<QString, QString>> facts;
        facts.append({inv.kind == Billing::InvoiceKind::CreditNote ? u"Credit note no."_s : u"Invoice no."_s,
                      inv.number.isEmpty() ? u"(draft)"_s : inv.number});
        if (!inv.correctsNumber.isEmpty() || !inv.correctsId.isEmpty())
            facts.append({u"Corrects invoice"_s, inv.correctsNumber.isEmpty() ? inv.correctsId : inv.correctsNumber});
        facts.append({u"Issue date"_s, date(inv.issuedMs)});
        if (inv.kind == Billing::InvoiceKind::Invoice)
            facts.append({u"Due date"_s, date(inv.dueMs)});
        if (inv.paidMs != 0)
            facts.append({u"Paid on"_s, date(inv.paidMs)});
        facts.append({u"Service period"_s, period(inv.periodStartMs, inv.periodEndMs)});
        if (!inv.tenantSlug.isEmpty())
            facts.append({u"Account"_s, inv.tenantSlug});
        const qreal factsX = kMarginX + 104;
        qreal fy = 32;
        for (const auto &[label, value] : facts) {
            m_canvas.text(QRectF(factsX, fy, 30, 5), Qt::AlignLeft | Qt::AlignVCenter, label, PdfCanvas::font(8), kMuted);
            m_canvas.text(QRectF(factsX + 30, fy, kContentWidth - 104 - 30, 5), Qt::AlignRight | Qt::AlignVCenter,
                          value, PdfCanvas::font(8, true), kInk);
            fy += 5;
        }

        // Bill to: the customer, under its brand name.
        m_canvas.line(kMarginX, 66, kMarginX + kContentWidth, 66, m_accent, 0.4);
        partyBlock(kMarginX, 70, u"Bill to"_s, customerName(), m_invoice.customer);
        if (!inv.memo.isEmpty()) {
            m_canvas.text(QRectF(factsX, 70, kContentWidth - 104, 4), Qt::AlignLeft | Qt::AlignVCenter,
                          inv.kind == Billing::InvoiceKind::CreditNote ? u"Reason"_s : u"Note"_s, PdfCanvas::font(7.5),
                          kMuted);
            m_canvas.text(QRectF(factsX, 74.5, kContentWidth - 104, 20), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          inv.memo, PdfCanvas::font(8.5), kInk);
        }
    }

    void partyBlock(qreal x, qreal y, const QString &label, const QString &name, const Billing::InvoiceParty &party)
    {
        constexpr qreal width = 95;
        m_canvas.text(QRectF(x, y, width, 4), Qt::AlignLeft | Qt::AlignVCenter, label, PdfCanvas::font(7.5), kMuted);
        y += 4.5;
        m_canvas.text(QRectF(x, y, width, 5.5), Qt::AlignLeft | Qt::AlignVCenter, name, PdfCanvas::font(10.5, true), kInk);
        y += 6;
        QStringList more;
        if (name != party.name && !party.name.isEmpty())
            more.append(party.name);
        more += party.address;
        if (!party.taxId.isEmpty())
            more.append(u"VAT ID: %1"_s.arg(party.taxId));
        if (!party.email.isEmpty())
            more.append(party.email);
        for (const QString &l : std::as_const(more).first(qMin<qsizetype>(more.size(), 6))) {
            m_canvas.text(QRectF(x, y, width, 4.2), Qt::AlignLeft | Qt::AlignVCenter, l, PdfCanvas::font(8.5), kInk);
            y += 4.2;
        }
    }

    void paintRunningHeader()
    {
        m_canvas.fill(QRectF(0, 0, kPageWidth, 3), m_accent);
        m_canvas.text(QRectF(kMarginX, 12, kContentWidth, 5), Qt::AlignLeft | Qt::AlignVCenter,
                      u"%1 %2 · %3 · continued"_s.arg(title(), m_invoice.number.isEmpty() ? u"(draft)"_s : m_invoice.number,
                                                      customerName()),
                      PdfCanvas::font(8), kMuted);
        m_canvas.line(kMarginX, 18, kMarginX + kContentWidth, 18, kRule);
    }

    void paintTableHeader(qreal top)
    {
        m_canvas.fill(QRectF(kMarginX, top, kContentWidth, kHeaderHeight), m_accent);
        qreal x = kMarginX;
        for (const Column &c : std::as_const(m_columns)) {
            m_canvas.text(QRectF(x + 1.5, top, c.width - 3, kHeaderHeight),
                          (c.numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, c.title,
                          PdfCanvas::font(7.5, true), Qt::white);
            x += c.width;
        }
    }

    void cells(qreal y, qreal height, const QStringList &texts, qreal indent, const QFont &font, const QColor &colour)
    {
        qreal x = kMarginX;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const Column &c = m_columns[i];
            const qreal in = i == 0 ? indent : 0;
            m_canvas.text(QRectF(x + 1.5 + in, y, c.width - 3 - in, height),
                          (c.numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, texts[i], font, colour);
            x += c.width;
        }
    }

    void paintRow(qreal y, const Row &row)
    {
        const InvoiceLine &line = *row.line;
        if (row.detail < 0) {
            m_canvas.line(kMarginX, y, kMarginX + kContentWidth, y, kRule, 0.15);
            const bool priced = !line.unitPrice.isZero() || line.details.isEmpty();
            cells(y + 0.6, 5, {line.description, grouped(line.quantity), line.unitLabel,
                               priced ? amountText(line.unitPrice) : QString(), amountText(line.amount)},
                  0, PdfCanvas::font(8.5), kInk);
            const QString covers = period(line.periodStartMs, line.periodEndMs);
            if (!covers.isEmpty())
                m_canvas.text(QRectF(kMarginX + 1.5, y + 5, m_columns[0].width - 3, 3.5), Qt::AlignLeft | Qt::AlignVCenter,
                              covers, PdfCanvas::font(7), kMuted);
            return;
        }
        const Billing::InvoiceLineDetail &d = line.details[row.detail];
        m_canvas.fill(QRectF(kMarginX, y, kContentWidth, row.height), kStripe);
        cells(y, row.height, {u"↳ "_s + d.description, grouped(d.quantity), QString(), amountText(d.unitPrice),
                              amountText(d.amount)},
              4, PdfCanvas::font(7.5), kMuted);
    }

    void paintTotals(qreal top)
    {
        const Invoice &inv = m_invoice;
        const qreal labelX = kMarginX + kContentWidth - 80;
        auto due = inv.total.minus(inv.amountPaid);
        const QList<std::pair<QString, QString>> figures = {
            {u"Subtotal"_s, money(inv.subtotal)},
            {u"Tax (%1)"_s.arg(rate(inv.taxRatePpm)), money(inv.tax)},
            {u"Total"_s, money(inv.total)},
            {u"Amount paid"_s, money(inv.amountPaid)},
        };
        m_canvas.line(labelX, top, kMarginX + kContentWidth, top, kInk, 0.3);
        qreal y = top + 1.5;
        for (qsizetype i = 0; i < figures.size(); ++i) {
            const bool total = i == 2;
            if (total)
                m_canvas.line(labelX, y, kMarginX + kContentWidth, y, kRule);
            m_canvas.text(QRectF(labelX + 1.5, y, 40, 6), Qt::AlignLeft | Qt::AlignVCenter, figures[i].first,
                          PdfCanvas::font(9, total), kInk);
            m_canvas.text(QRectF(labelX + 40, y, 38.5, 6), Qt::AlignRight | Qt::AlignVCenter, figures[i].second,
                          PdfCanvas::font(9, total), kInk);
            y += 6.5;
        }
        y += 1.5;
        m_canvas.fill(QRectF(labelX, y, 80, 9), m_accent, 1);
        const QString dueLabel = inv.kind == Billing::InvoiceKind::CreditNote ? u"Amount credited"_s : u"Amount due"_s;
        m_canvas.text(QRectF(labelX + 2.5, y, 40, 9), Qt::AlignLeft | Qt::AlignVCenter, dueLabel,
                      PdfCanvas::font(10, true), Qt::white);
        m_canvas.text(QRectF(labelX + 38, y, 39.5, 9), Qt::AlignRight | Qt::AlignVCenter,
                      money(due ? due.value() : inv.total), PdfCanvas::font(10, true), Qt::white);
        if (inv.kind == Billing::InvoiceKind::Invoice && inv.dueMs != 0 && inv.status == Billing::InvoiceStatus::Open)
            m_canvas.text(QRectF(kMarginX, top + 1.5, kContentWidth - 84, 6), Qt::AlignLeft | Qt::AlignVCenter,
                          u"Please pay by %1, quoting %2."_s.arg(date(inv.dueMs), inv.number), PdfCanvas::font(8.5),
                          kMuted);
    }

    void paintFooter(int page, int pages)
    {
        m_canvas.line(kMarginX, kFooterLine, kMarginX + kContentWidth, kFooterLine, kRule);
        const QRectF band(kMarginX, kFooterLine + 1, kContentWidth, 5);
        QString left = m_invoice.issuer.name;
        if (!m_invoice.issuer.taxId.isEmpty())
            left += u" · VAT ID %1"_s.arg(m_invoice.issuer.taxId);
        m_canvas.text(band, Qt::AlignLeft | Qt::AlignVCenter, left, PdfCanvas::font(7), kMuted);
        m_canvas.text(band, Qt::AlignRight | Qt::AlignVCenter, u"Page %1 of %2"_s.arg(page).arg(pages),
                      PdfCanvas::font(7), kMuted);
    }

    const Invoice &m_invoice;
    PdfCanvas &m_canvas;
    QColor m_accent;
    QList<Column> m_columns;
    QList<Row> m_rows;
    QList<qsizetype> m_pageStarts; // the first row of each page
};

} // namespace

Result<QByteArray> renderInvoicePdf(const Billing::Invoice &invoice)
{
    const bool credit = invoice.kind == Billing::InvoiceKind::CreditNote;
    return renderA4Pdf(credit ? u"The credit note PDF"_s : u"The invoice PDF"_s,
                       u"%1 %2"_s.arg(credit ? u"Credit note"_s : u"Invoice"_s, invoice.number),
                       [&](PdfCanvas &canvas) { return InvoiceDocument(invoice, canvas).paint(); });
}

} // namespace Tenantry::Documents
