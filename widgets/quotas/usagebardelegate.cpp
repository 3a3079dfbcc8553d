#include "widgets/quotas/usagebardelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace Tenantry::Widgets {

UsageBarDelegate::UsageBarDelegate(int ratioRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_ratioRole(ratioRole)
{
}

QColor UsageBarDelegate::barColor(double ratio, const QPalette &palette)
{
    if (ratio >= 0.95)
        return QColor(0xd3, 0x2f, 0x2f);
    if (ratio >= 0.80)
        return QColor(0xf5, 0x9e, 0x0b);
    return palette.color(QPalette::Highlight);
}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant ratioValue = index.data(m_ratioRole);
    if (!ratioValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    // Background and selection as any cell, then the bar, then the text over it.
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double ratio = std::clamp(ratioValue.toDouble(), 0.0, 1.0);
    const QRect track = opt.rect.adjusted(4, 4, -4, -4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor trough = opt.palette.color(QPalette::Mid);
    trough.setAlphaF(0.35f);
    painter->setBrush(trough);
    painter->drawRoundedRect(track, 3, 3);
    if (ratio > 0) {
        QRect filled = track;
        filled.setWidth(std::max(4, int(track.width() * ratio)));
        QColor bar = barColor(ratioValue.toDouble(), opt.palette);
        bar.setAlphaF(0.55f);
        painter->setBrush(bar);
        painter->drawRoundedRect(filled, 3, 3);
    }
    painter->setPen(opt.palette.color((opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect = track.adjusted(6, 0, -6, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignRight,
                      opt.fontMetrics.elidedText(text, Qt::ElideLeft, textRect.width()));
    painter->restore();
}

QSize UsageBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() = std::max(size.width() + 24, 180);
    size.rheight() += 8;
    return size;
}

} // namespace Tenantry::Widgets
