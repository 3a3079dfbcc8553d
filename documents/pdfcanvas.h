#pragma once

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QRectF>

#include "core/base/result.h"

#include <functional>

namespace Tenantry::Documents {

// Paints in millimetres on a QPdfWriter whose resolution is kResolution; fonts are sized in
// points as usual. Shared by the PDF documents so they look alike. Use from one thread.
class PdfCanvas
{
public:
    static constexpr int kResolution = 600; // dots per inch of the PDF's coordinate space

    explicit PdfCanvas(QPdfWriter &writer) : m_writer(writer), m_painter(&writer) {}

    bool isActive() const { return m_painter.isActive(); }
    bool newPage() { return m_writer.newPage(); }
    void end() { m_painter.end(); }

    // The documents' font: Noto Sans, with Noto Sans CJK SC for Chinese.
    static QFont font(qreal points, bool bold = false);

    // One line, elided to fit; with Qt::TextWordWrap in `flags`, wrapped instead.
    void text(const QRectF &mmRect, int flags, const QString &text, const QFont &font, const QColor &color);
    void fill(const QRectF &mmRect, const QColor &color, qreal radiusMm = 0);
    void line(qreal x1, qreal y1, qreal x2, qreal y2, const QColor &color, qreal widthMm = 0.2);
    // An outlined rounded box (a stamp).
    void frame(const QRectF &mmRect, const QColor &color, qreal widthMm, qreal radiusMm);
    // PNG/JPEG bytes scaled to fit `mmRect` keeping their aspect ratio, left-aligned;
    // false (nothing drawn) when the bytes are no image.
    bool image(const QRectF &mmRect, const QByteArray &bytes);

private:
    qreal mm(qreal v) const { return v * kResolution / 25.4; }
    QRectF device(const QRectF &r) const { return QRectF(mm(r.x()), mm(r.y()), mm(r.width()), mm(r.height())); }

    QPdfWriter &m_writer;
    QPainter m_painter;
};

// Paints one A4 portrait document (`paint` adds its pages; false means a page could not be
// added) and returns the PDF bytes. `what` names the document in errors ("The invoice PDF").
// Errors: Internal "pdf-render-failed".
Result<QByteArray> renderA4Pdf(const QString &what, const QString &title,
                               const std::function<bool(PdfCanvas &)> &paint);

} // namespace Tenantry::Documents
