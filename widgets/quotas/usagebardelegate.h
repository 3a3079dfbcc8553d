#pragma once

#include <QStyledItemDelegate>

namespace Tenantry::Widgets {

// Paints a cell as a bar of how much of a limit is used, with the cell's text on it: the
// ratio comes from `ratioRole` (a double, 1 = all of it; no value paints the text alone).
// The bar turns amber from 80 % and red from 95 %, the thresholds quota alerts fire at.
class UsageBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    UsageBarDelegate(int ratioRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The bar's colour for `ratio` in `palette`.
    static QColor barColor(double ratio, const QPalette &palette);

private:
    int m_ratioRole;
};

} // namespace Tenantry::Widgets
