// MainWindow: where everything sits. The elimination view is the big central picture with the
// playback bar under it; the controls on the left; pulls and partition on the right; the round
// timeline, the explainer and the result at the bottom. In a small window (a 1366 × 768 or
// 1280 × 720 screen) the first start tabs the views that would otherwise be squeezed. Docks and
// geometry persist.
#include "MainWindow.h"

#include "DatasetPanel.h"
#include "LessonPanel.h"
#include "MessageBanner.h"
#include "ParameterPanel.h"
#include "PlaybackBar.h"
#include "ReportPanel.h"
#include "VarianceLabPanel.h"
#include "widgets/EliminationView.h"
#include "widgets/ExplainerView.h"
#include "widgets/PartitionView.h"
#include "widgets/PullsView.h"
#include "widgets/ResultSummaryView.h"
#include "widgets/TimelineView.h"

#include <QDockWidget>
#include <QGroupBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ada {

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
constexpr int kLayoutVersion
    = 4; // bump when the docks change so an old saved state is ignored (4: new first-start sizes)
// Below this window height the pulls and partition views share the right-hand column as tabs: split,
// each got under 300 px, and the partition view's two plots and notes no longer fitted.
constexpr int kTabbedRightHeight = 800;
// Below this width the explainer and the result share the bottom as tabs: three docks side by side
// left the result's table about 300 px, its headings broken letter by letter.
constexpr int kTabbedBottomWidth = 1340;

QGroupBox* group(const QString& title, QWidget* content)
{
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(content);
    return box;
}
} // namespace

void MainWindow::buildCentral()
{
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(banner_);
    // The run and its replay in one tab; the variance lab and the speedup report (other experiments) in
    // others.
    auto* runTab = new QWidget;
    auto* runLayout = new QVBoxLayout(runTab);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->setSpacing(2);
    runLayout->addWidget(elimination_, 1);
    runLayout->addWidget(playbackBar_);
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    tabs_->addTab(runTab, tr("Run"));
    tabs_->addTab(varianceLab_, tr("Variance lab"));
    tabs_->addTab(report_, tr("Speedup report"));
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::fitDocksToTab);
}

void MainWindow::buildDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    auto dock = [this](QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name); // saveState/restoreState need object names
        d->setWidget(w);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                       | QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        return d;
    };
    auto* controls = new QWidget;
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(6, 6, 6, 6);
    controlsLayout->addWidget(group(tr("Dataset"), datasets_));
    controlsLayout->addWidget(group(tr("Parameters"), parameters_));
    controlsLayout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int controlsWidth
        = controls->minimumSizeHint().width() + scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
    scroll->setMinimumWidth(controlsWidth);
    QDockWidget* controlsDock
        = dock(scroll, tr("Dataset and parameters"), QStringLiteral("controlsDock"), Qt::LeftDockWidgetArea);
    QDockWidget* summary = summaryDock_
        = dock(summary_, tr("Result"), QStringLiteral("summaryDock"), Qt::BottomDockWidgetArea);
    QDockWidget* pulls = pullsDock_
        = dock(pulls_, tr("Pulls per arm"), QStringLiteral("pullsDock"), Qt::RightDockWidgetArea);
    QDockWidget* partition = partitionDock_ = dock(partition_, tr("Partition function"),
                                                   QStringLiteral("partitionDock"), Qt::RightDockWidgetArea);
    QDockWidget* timeline = timelineDock_
        = dock(timeline_, tr("Round timeline"), QStringLiteral("timelineDock"), Qt::BottomDockWidgetArea);
    QDockWidget* explainer = explainerDock_
        = dock(explainer_, tr("Explainer"), QStringLiteral("explainerDock"), Qt::BottomDockWidgetArea);
    // The lesson's text sits beside the views, in a tab over the controls (the full height of the
    // window, and the lesson sets the parameters itself); hidden until a lesson starts.
    lessonDock_ = dock(lessons_, tr("Lesson"), QStringLiteral("lessonDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(controlsDock, lessonDock_);
    lessonDock_->hide();
    splitDockWidget(timeline, explainer, Qt::Horizontal);
    splitDockWidget(explainer, summary, Qt::Horizontal);
    // The first start's proportions, applied once the window has its size (applyDefaultLayout):
    // sized here, against the window's default size, the right-hand docks got squeezed to a sliver
    // when the window then grew, their titles and axis labels overlapping. Tabbed docks share one
    // place, so only the front one of each tab group is sized.
    defaultDockSizes_ = [this, controlsDock, pulls, partition, timeline, explainer, summary, controlsWidth] {
        const int w = width();
        const bool rightTabbed = tabifiedDockWidgets(pulls).contains(partition);
        const bool bottomTabbed = tabifiedDockWidgets(explainer).contains(summary);
        resizeDocks({controlsDock}, {controlsWidth}, Qt::Horizontal);
        if (!rightTabbed)
            resizeDocks({pulls, partition}, {1, 1}, Qt::Vertical);
        resizeDocks({pulls}, {std::max(300, w * 28 / 100)}, Qt::Horizontal);
        resizeDocks({timeline}, {std::max(200, height() / 4)}, Qt::Vertical);
        if (bottomTabbed)
            resizeDocks({timeline, explainer}, {1, 1}, Qt::Horizontal);
        else
            resizeDocks({timeline, explainer, summary}, {4, 3, 4}, Qt::Horizontal);
    };
    // Where each dock sits (area, order, tabs, shown or not), for resetLayout: a dock dragged out of
    // the window or closed is otherwise lost until the settings are deleted by hand.
    defaultDockState_ = saveState(kLayoutVersion);
}

void MainWindow::buildStatusBar()
{
    progressBar_ = new QProgressBar;
    progressBar_->setRange(0, 100);
    progressBar_->setMaximumWidth(200);
    progressBar_->setVisible(false);
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setVisible(false);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(cancelButton_);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        QSize size(1440, 900); // what a first start gets, within the screen
        if (const QScreen* s = screen())
            size = size.boundedTo(s->availableGeometry().size());
        resize(size);
    }
    if (!restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion))
        applyDefaultLayout(); // a first start, or a layout saved by another version
}

void MainWindow::applyDefaultLayout()
{
    // Every dock in its own place. Before the window is first shown the docks are still as buildDocks
    // put them, and a restored state would only be applied at the first show, over the tabs below.
    if (isVisible())
        restoreState(defaultDockState_, kLayoutVersion);
    // Decided by the window as it is now, so that a reset in a window grown since (another screen)
    // gets the full arrangement back; a window resized later keeps what the user has.
    if (height() < kTabbedRightHeight) {
        tabifyDockWidget(pullsDock_, partitionDock_);
        pullsDock_->raise();
    }
    if (width() < kTabbedBottomWidth) {
        tabifyDockWidget(explainerDock_, summaryDock_);
        explainerDock_->raise(); // it narrates the replay, and says the result at its end
    }
    defaultDockSizes_();
}

void MainWindow::resetLayout()
{
    setAside_.clear(); // the default layout shows them all; on another tab they step aside again
    applyDefaultLayout();
    fitDocksToTab(tabs_->currentIndex());
    if (lessons_->active()) // a running lesson keeps its text in view
        showLessonDock();
}

void MainWindow::bringViewToFront(LessonView view)
{
    QDockWidget* dock = view == LessonView::Pulls ? pullsDock_
        : view == LessonView::Partition           ? partitionDock_
        : view == LessonView::Result              ? summaryDock_
                                                  : nullptr;
    if (!dock)
        return;
    dock->show(); // closed by the user: the lesson needs it
    dock->raise();
}

void MainWindow::fitDocksToTab(int index)
{
    if (index == 0) {
        restoreRunDocks();
        return;
    }
    // A dock behind another's tab is visible to Qt but laid out off the window.
    for (QDockWidget* d : {pullsDock_, partitionDock_, timelineDock_, explainerDock_, summaryDock_})
        if (d->isVisible() && !d->isFloating()) {
            setAside_.push_back({d, !d->visibleRegion().isEmpty()});
            d->hide();
        }
}

void MainWindow::restoreRunDocks()
{
    for (const SetAsideDock& s : setAside_)
        s.dock->show();
    for (const SetAsideDock& s : setAside_)
        if (s.inFront)
            s.dock->raise(); // shown again, a tabbed dock may have come back in front of its neighbour
    setAside_.clear();
}

void MainWindow::saveLayout()
{
    restoreRunDocks(); // a layout saved on another tab would start the next time without them
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kLayoutVersion));
}

} // namespace ada
