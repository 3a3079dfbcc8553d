#include "documents/pdfcanvas.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QImage>

using namespace Qt::StringLiterals;

namespace Tenantry::Documents {

QFont PdfCanvas::font(qreal points, bool bold)
{
    QFont f;
    // Noto Sans where installed; Noto Sans CJK SC covers Latin and Chinese alike, and
    // fontconfig supplies any other script's glyphs.
    f.setFamilies({u"Noto Sans"_s, u"Noto Sans CJK SC"_s, u"DejaVu Sans"_s});
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

void PdfCanvas::text(const QRectF &mmRect, int flags, const QString &text, const QFont &font, const QColor &color)
{
    m_painter.setFont(font);
    m_painter.setPen(color);
    const QRectF r = device(mmRect);
    const QString shown = (flags & Qt::TextWordWrap)
        ? text
        : QFontMetricsF(font, &m_writer).elidedText(text, Qt::ElideRight, r.width());
    m_painter.drawText(r, flags, shown);
}

void PdfCanvas::fill(const QRectF &mmRect, const QColor &color, qreal radiusMm)
{
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(color);
    if (radiusMm > 0)
        m_painter.drawRoundedRect(device(mmRect), mm(radiusMm), mm(radiusMm));
    else
        m_painter.drawRect(device(mmRect));
    m_painter.setBrush(Qt::NoBrush);
}

void PdfCanvas::line(qreal x1, qreal y1, qreal x2, qreal y2, const QColor &color, qreal widthMm)
{
    m_painter.setPen(QPen(color, mm(widthMm)));
    m_painter.drawLine(QPointF(mm(x1), mm(y1)), QPointF(mm(x2), mm(y2)));
}

void PdfCanvas::frame(const QRectF &mmRect, const QColor &color, qreal widthMm, qreal radiusMm)
{
    m_painter.setPen(QPen(color, mm(widthMm)));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRoundedRect(device(mmRect), mm(radiusMm), mm(radiusMm));
}

bool PdfCanvas::image(const QRectF &mmRect, const QByteArray &bytes)
{
    QImage img;
    if (bytes.isEmpty() || !img.loadFromData(bytes) || img.isNull())
        return false;
    const QRectF box = device(mmRect);
    const QSizeF size = QSizeF(img.size()).scaled(box.size(), Qt::KeepAspectRatio);
    m_painter.drawImage(QRectF(box.topLeft(), size), img);
    return true;
}

Result<QByteArray> renderA4Pdf(const QString &what, const QString &title,
                               const std::function<bool(PdfCanvas &)> &paint)
{
    const auto failed = [&](const QString &why) {
        return Error{ErrorKind::Internal, u"pdf-render-failed"_s, u"%1 could not be produced: %2"_s.arg(what, why), {}};
    };
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(PdfCanvas::kResolution);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        writer.setCreator(u"Tenantry"_s);
        writer.setTitle(title);
        PdfCanvas canvas(writer);
        if (!canvas.isActive())
            return failed(u"cannot start painting on the PDF writer"_s);
        const bool painted = paint(canvas);
        canvas.end();
        if (!painted)
            return failed(u"cannot add a page"_s);
    }
    if (!buffer.data().startsWith("%PDF"))
        return failed(u"the writer produced no PDF"_s);
    return buffer.data();
}

} // namespace Tenantry::Documents
