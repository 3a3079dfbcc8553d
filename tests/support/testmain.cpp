// main() for every test binary: Qt needs an application object for sockets, timers and
// SQL drivers; the widget tests bring their own main with a QApplication.
#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
