/**
 * The part of ECharts the statistics pages use (bar charts with a legend on an SVG renderer), registered once.
 * Imported lazily by StatsChart, so the library is a separate chunk only the statistics pages load.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
// renamed: ECharts' use() registers components; it is not React's use(), which the rules of hooks would see
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export { init };
