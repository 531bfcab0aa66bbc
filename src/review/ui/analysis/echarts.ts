/** The part of ECharts the analysis page uses (bar charts with a legend, SVG), loaded lazily by AnalysisChart. */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
// renamed: ECharts' use() registers components; it is not React's use()
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export { init };
