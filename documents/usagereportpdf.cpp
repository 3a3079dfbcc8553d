#include "documents/usagereportpdf.h"

#include "documents/pdfcanvas.h"

#include <QLocale>
#include <QPdfWriter>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Documents {
namespace {

// Geometry in millimetres on an A4 portrait page (210 x 297).
constexpr qreal kPageWidth = 210, kPageHeight = 297;
constexpr qreal kMarginX = 16, kMarginTop = 16;
constexpr qreal kContentWidth = kPageWidth - 2 * kMarginX;
constexpr qreal kTableBottom = 278;    // rows end above the footer
constexpr qreal kFooterLine = 281;
constexpr qreal kRowHeight = 7;
constexpr qreal kHeaderHeight = 8;
constexpr qreal kFirstTableTop = 98;   // below title, period and summary tiles
constexpr qreal kNextTableTop = 26;    // below the running header
constexpr int kResolution = PdfCanvas::kResolution;

constexpr int rowsBetween(qreal top)
{
    return int((kTableBottom - (top + kHeaderHeight)) / kRowHeight);
}
static_assert(rowsBetween(kFirstTableTop) == UsageReportPdfLayout::kRowsOnFirstPage);
static_assert(rowsBetween(kNextTableTop) == UsageReportPdfLayout::kRowsPerPage);

const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x6b, 0x72, 0x80);
const QColor kAccent(0x2f, 0x6f, 0xeb);
const QColor kHeaderFill(0x27, 0x34, 0x4a);
const QColor kStripe(0xf3, 0xf5, 0xf8);
const QColor kRule(0xd1, 0xd5, 0xdb);

struct Column {
    QString title;
    qreal width; // mm
    bool numeric;
};

QString grouped(qint64 n)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(n);
}

QString bytes(qint64 n)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    if (n < 1024)
        return u"%1 B"_s.arg(n);
    double value = double(n);
    int unit = -1;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return u"%1 %2"_s.arg(value, 0, 'f', value < 10 ? 2 : 1).arg(QLatin1StringView(units[unit]));
}

QString optionalBytes(const std::optional<qint64> &n)
{
    return n ? bytes(*n) : u"—"_s;
}

// Milliseconds for the table: as many decimals as fit a narrow column.
QString milliseconds(std::chrono::microseconds us)
{
    const double ms = double(us.count()) / 1000.0;
    return QString::number(ms, 'f', ms < 10 ? 2 : ms < 100 ? 1 : 0);
}

// A latency for the summary: milliseconds, or seconds from one second on.
QString duration(std::chrono::microseconds us)
{
    if (us.count() >= 1000000)
        return QString::number(double(us.count()) / 1e6, 'f', 2) + u" s"_s;
    return milliseconds(us) + u" ms"_s;
}

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', rate < 0.001 && rate > 0 ? 3 : 2) + u" %"_s;
}

QString utcText(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

QString tenantTitle(const Report::UsageTenant &t)
{
    if (t.name.isEmpty() || t.name == t.slug)
        return t.slug.isEmpty() ? t.id : t.slug;
    return u"%1 (%2)"_s.arg(t.name, t.slug.isEmpty() ? t.id : t.slug);
}

using Canvas = PdfCanvas;

class UsageReportDocument
{
public:
    UsageReportDocument(const Report::UsageReport &report, Canvas &canvas) : m_report(report), m_canvas(canvas)
    {
        if (report.isAllTenants()) {
            m_columns = {{u"Tenant"_s, 34, false},     {u"Requests"_s, 16, true},  {u"4xx"_s, 13, true},
                         {u"5xx"_s, 12, true},         {u"Error rate"_s, 13, true}, {u"Auth failures"_s, 12, true},
                         {u"Data in"_s, 15, true},     {u"Data out"_s, 15, true},  {u"Storage peak"_s, 16, true},
                         {u"p50 ms"_s, 32.0 / 3, true}, {u"p95 ms"_s, 32.0 / 3, true}, {u"p99 ms"_s, 32.0 / 3, true}};
        } else {
            m_columns = {{u"Day (UTC)"_s, 25, false}, {u"Requests"_s, 17, true},  {u"4xx"_s, 13, true},
                         {u"5xx"_s, 12, true},        {u"Error rate"_s, 14, true}, {u"Auth failures"_s, 13, true},
                         {u"Data in"_s, 16, true},    {u"Data out"_s, 16, true},  {u"Storage peak"_s, 17, true},
                         {u"p50 ms"_s, 35.0 / 3, true}, {u"p95 ms"_s, 35.0 / 3, true}, {u"p99 ms"_s, 35.0 / 3, true}};
        }
        m_subject = report.tenant ? tenantTitle(*report.tenant) : u"All tenants"_s;
        m_period = u"%1 – %2"_s.arg(utcText(report.from), utcText(report.to));
    }

    bool paint()
    {
        const qsizetype rows = m_report.rows.size() + 1; // and the totals row
        const int pages = UsageReportPdfLayout::pageCount(rows);
        qsizetype next = 0;
        for (int page = 1; page <= pages; ++page) {
            if (page > 1 && !m_canvas.newPage())
                return false;
            qreal top;
            int capacity;
            if (page == 1) {
                paintTitle();
                top = kFirstTableTop;
                capacity = UsageReportPdfLayout::kRowsOnFirstPage;
            } else {
                paintRunningHeader();
                top = kNextTableTop;
                capacity = UsageReportPdfLayout::kRowsPerPage;
            }
            paintTableHeader(top);
            qreal y = top + kHeaderHeight;
            for (int i = 0; i < capacity && next < rows; ++i, ++next) {
                if (next < m_report.rows.size())
                    paintRow(y, m_report.rows[next], next % 2 == 1);
                else
                    paintTotals(y);
                y += kRowHeight;
            }
            paintFooter(page, pages);
        }
        return true;
    }

private:
    void paintTitle()
    {
        m_canvas.fill(QRectF(kMarginX, kMarginTop, 3, 11), kAccent);
        m_canvas.text(QRectF(kMarginX + 6, kMarginTop - 1, kContentWidth - 6, 12), Qt::AlignLeft | Qt::AlignVCenter,
                      u"Usage report"_s, Canvas::font(18, true), kInk);
        m_canvas.text(QRectF(kMarginX, 30, kContentWidth, 7), Qt::AlignLeft | Qt::AlignVCenter, m_subject,
                      Canvas::font(11, true), kInk);
        m_canvas.text(QRectF(kMarginX, 37, kContentWidth, 6), Qt::AlignLeft | Qt::AlignVCenter,
                      u"Period: %1 (end excluded)"_s.arg(m_period), Canvas::font(9), kMuted);

        const Report::UsageFigures &t = m_report.totals;
        const std::array<std::array<QString, 3>, 8> tiles = {{
            {u"Requests"_s, grouped(t.requests), u"auth failures %1"_s.arg(grouped(t.authFailures))},
            {u"Error rate"_s, percent(t.errorRate()),
             u"4xx %1 · 5xx %2"_s.arg(grouped(t.clientErrors), grouped(t.serverErrors))},
            {u"Data in"_s, bytes(t.bytesIn), u"request bodies"_s},
            {u"Data out"_s, bytes(t.bytesOut), u"response bodies"_s},
            {u"Storage peak"_s, optionalBytes(t.storagePeakBytes),
             u"latest %1"_s.arg(optionalBytes(t.storageLatestBytes))},
            {u"Latency p50"_s, duration(t.latencyPercentile(0.50)), u"mean %1"_s.arg(duration(t.latencyMean()))},
            {u"Latency p95"_s, duration(t.latencyPercentile(0.95)), QString()},
            {u"Latency p99"_s, duration(t.latencyPercentile(0.99)), QString()},
        }};
        constexpr qreal gap = 4, tileHeight = 18, tilesTop = 47;
        const qreal tileWidth = (kContentWidth - 3 * gap) / 4;
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const qreal x = kMarginX + qreal(i % 4) * (tileWidth + gap);
            const qreal y = tilesTop + qreal(i / 4) * (tileHeight + gap);
            m_canvas.fill(QRectF(x, y, tileWidth, tileHeight), kStripe, 1.5);
            m_canvas.text(QRectF(x + 3, y + 1.5, tileWidth - 6, 4), Qt::AlignLeft | Qt::AlignVCenter, tiles[i][0],
                          Canvas::font(7), kMuted);
            m_canvas.text(QRectF(x + 3, y + 5.5, tileWidth - 6, 7), Qt::AlignLeft | Qt::AlignVCenter, tiles[i][1],
                          Canvas::font(13, true), kInk);
            m_canvas.text(QRectF(x + 3, y + 12.5, tileWidth - 6, 4), Qt::AlignLeft | Qt::AlignVCenter, tiles[i][2],
                          Canvas::font(7), kMuted);
        }
        m_canvas.text(QRectF(kMarginX, kFirstTableTop - 8, kContentWidth, 6), Qt::AlignLeft | Qt::AlignVCenter,
                      m_report.isAllTenants() ? u"Usage by tenant"_s : u"Usage by day"_s, Canvas::font(10, true), kInk);
    }

    void paintRunningHeader()
    {
        m_canvas.text(QRectF(kMarginX, kMarginTop, kContentWidth, 5), Qt::AlignLeft | Qt::AlignVCenter,
                      u"Usage report · %1 · %2"_s.arg(m_subject, m_period), Canvas::font(8), kMuted);
        m_canvas.line(kMarginX, kMarginTop + 6, kMarginX + kContentWidth, kMarginTop + 6, kRule);
    }

    void paintTableHeader(qreal top)
    {
        m_canvas.fill(QRectF(kMarginX, top, kContentWidth, kHeaderHeight), kHeaderFill);
        qreal x = kMarginX;
        for (const Column &c : std::as_const(m_columns)) {
            m_canvas.text(QRectF(x + 1.2, top, c.width - 2.4, kHeaderHeight),
                          (c.numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter | Qt::TextWordWrap, c.title,
                          Canvas::font(6.5, true), Qt::white);
            x += c.width;
        }
    }

    void paintCells(qreal y, const QString &label, const QString &detail, const Report::UsageFigures &f, bool bold)
    {
        // Without requests there is no rate and no latency to speak of, rather than zero.
        const bool served = f.requests > 0;
        const QString none = u"—"_s;
        const QStringList cells = {label,
                                   grouped(f.requests),
                                   grouped(f.clientErrors),
                                   grouped(f.serverErrors),
                                   served ? percent(f.errorRate()) : none,
                                   grouped(f.authFailures),
                                   bytes(f.bytesIn),
                                   bytes(f.bytesOut),
                                   optionalBytes(f.storagePeakBytes),
                                   served ? milliseconds(f.latencyPercentile(0.50)) : none,
                                   served ? milliseconds(f.latencyPercentile(0.95)) : none,
                                   served ? milliseconds(f.latencyPercentile(0.99)) : none};
        qreal x = kMarginX;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const Column &c = m_columns[i];
            const QRectF cell(x + 1.2, y, c.width - 2.4, kRowHeight);
            if (i == 0 && !detail.isEmpty()) {
                // Two lines: the name, and the slug under it.
                m_canvas.text(QRectF(cell.x(), y + 0.4, cell.width(), 3.6), Qt::AlignLeft | Qt::AlignVCenter,
                              cells[i], Canvas::font(7, bold), kInk);
                m_canvas.text(QRectF(cell.x(), y + 3.6, cell.width(), 3.0), Qt::AlignLeft | Qt::AlignVCenter, detail,
                              Canvas::font(5.5), kMuted);
            } else {
                m_canvas.text(cell, (c.numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, cells[i],
                              Canvas::font(7, bold), kInk);
            }
            x += c.width;
        }
    }

    void paintRow(qreal y, const Report::UsageRow &row, bool striped)
    {
        if (striped)
            m_canvas.fill(QRectF(kMarginX, y, kContentWidth, kRowHeight), kStripe);
        if (m_report.isAllTenants()) {
            const Report::UsageTenant &t = row.tenant;
            const QString slug = t.slug.isEmpty() ? t.id : t.slug;
            QString detail = slug;
            if (!t.status.isEmpty() && t.status != "active"_L1)
                detail += u" · "_s + t.status;
            paintCells(y, t.name.isEmpty() ? slug : t.name, detail, row.figures, false);
        } else {
            paintCells(y, row.day.toString(u"yyyy-MM-dd ddd"_s), QString(), row.figures, false);
        }
    }

    void paintTotals(qreal y)
    {
        m_canvas.line(kMarginX, y, kMarginX + kContentWidth, y, kInk, 0.35);
        paintCells(y, u"Total"_s, QString(), m_report.totals, true);
    }

    void paintFooter(int page, int pages)
    {
        m_canvas.line(kMarginX, kFooterLine, kMarginX + kContentWidth, kFooterLine, kRule);
        const QRectF band(kMarginX, kFooterLine + 1, kContentWidth, 5);
        m_canvas.text(band, Qt::AlignLeft | Qt::AlignVCenter,
                      u"Generated %1 by Tenantry"_s.arg(utcText(m_report.generatedAt)), Canvas::font(7), kMuted);
        m_canvas.text(band, Qt::AlignRight | Qt::AlignVCenter, u"Page %1 of %2"_s.arg(page).arg(pages),
                      Canvas::font(7), kMuted);
    }

    const Report::UsageReport &m_report;
    Canvas &m_canvas;
    QList<Column> m_columns;
    QString m_subject;
    QString m_period;
};

} // namespace

int UsageReportPdfLayout::pageCount(qsizetype tableRows)
{
    if (tableRows <= kRowsOnFirstPage)
        return 1;
    return 1 + int((tableRows - kRowsOnFirstPage + kRowsPerPage - 1) / kRowsPerPage);
}

Result<QByteArray> renderUsageReportPdf(const Report::UsageReport &report)
{
    return renderA4Pdf(u"The usage report PDF"_s,
                       u"Usage report — %1"_s.arg(report.tenant ? tenantTitle(*report.tenant) : u"All tenants"_s),
                       [&](PdfCanvas &canvas) { return UsageReportDocument(report, canvas).paint(); });
}

} // namespace Tenantry::Documents
